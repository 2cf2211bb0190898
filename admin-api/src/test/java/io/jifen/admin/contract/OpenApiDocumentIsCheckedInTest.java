package io.jifen.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/openapi.json is the service's own document: integrators read it without running the service,
 * and the build generates the Java client of IntegratorJourneyTest from it (before any test runs, so
 * it cannot be fetched from the service). When the two differ this test fails and leaves the
 * service's document in admin-api/target/openapi.json, to be copied over docs/openapi.json.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class OpenApiDocumentIsCheckedInTest {

    @Test
    void docsOpenapiJsonIsTheDocumentTheServiceServes() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode served = mapper.readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Path checkedIn = RepositoryFiles.doc("openapi.json");
        JsonNode stored = Files.isRegularFile(checkedIn) ? mapper.readTree(checkedIn.toFile()) : null;
        if (!served.equals(stored)) {
            Path fresh = Path.of("target", "openapi.json").toAbsolutePath();
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, mapper.writeValueAsString(served) + "\n");
            fail("docs/openapi.json differs from /q/openapi; the served document is in " + fresh
                    + ": copy it to docs/openapi.json");
        }
    }
}
