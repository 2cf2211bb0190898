package io.jifen.admin.security;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.jifen.admin.support.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** A resource method without a role annotation is closed to every key; Quarkus' own endpoints stay open (issue 11, part 8). */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class AccessIsDeniedByDefaultTest {

    @Test
    void aMethodThatDeclaresNoRoleIsRefusedToEveryKey() {
        Api.TestMerchant shop = newMerchant();
        for (String key : new String[]{ADMIN_KEY, shop.marketing(), shop.integrator(), shop.qa()}) {
            given().header("X-Api-Key", key).get("/test-only/undeclared").then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", endsWith("/forbidden"))
                    .body("detail", containsString("declares no role"))
                    .body(not(containsString("never be answered")));
        }
        given().get("/test-only/undeclared").then().statusCode(403).body(not(containsString("never be answered")));
    }

    @Test
    void healthOpenApiAndSwaggerUiNeedNoKey() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("Jifen admin API"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
