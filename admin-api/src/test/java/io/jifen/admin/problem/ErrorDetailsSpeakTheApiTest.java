package io.jifen.admin.problem;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.jifen.admin.support.Api.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * Every kind of malformed request is told what to change in the API's words: no detail quotes a
 * library's classes, settings or messages, nor a Java parameter name (issue 11, part 6).
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class ErrorDetailsSpeakTheApiTest {
    /** What the answers quoted before; none may appear in any detail or field message. */
    private static final List<String> INTERNALS = List.of("JsonReadFeature", "StreamReadConstraints",
            "MessageBodyReader", "IOUtils", "setByteArrayMaxOverride", "ZipSecureFile", "upload.request",
            "purchase.request", "com.fasterxml", "org.apache", "org.jboss", "jakarta.", "java.", "Exception", "HTTP 4");

    private static void speaksTheApi(ValidatableResponse response, int status) {
        String body = response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .extract().asString();
        for (String internal : INTERNALS) {
            assertThat(body).as("the answer quotes `" + internal + "`").doesNotContain(internal);
        }
    }

    private static String purchases(Api.TestMerchant shop) {
        return "/merchants/" + shop.code() + "/purchases";
    }

    @Test
    void nonNumericNumbersAreRefusedSayingWhatJsonAllows() {
        Api.TestMerchant shop = newMerchant();
        for (String value : List.of("NaN", "Infinity", "-Infinity")) {
            ValidatableResponse r = as(shop.integrator()).body("{\"transactionId\":\"p\",\"memberId\":\"m\","
                    + "\"occurredAt\":\"2026-03-05T04:00:00Z\",\"total\":" + value + "}").post(purchases(shop)).then();
            speaksTheApi(r, 400);
            r.body("type", endsWith("/malformed-request")).body("detail", containsString("not JSON numbers"));
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedSayingHowDeep() {
        Api.TestMerchant shop = newMerchant();
        String nested = "[".repeat(2_000) + "]".repeat(2_000);
        ValidatableResponse r = as(shop.integrator()).body("{\"transactionId\":\"p\",\"memberId\":\"m\","
                + "\"occurredAt\":\"2026-03-05T04:00:00Z\",\"total\":1,\"extra\":" + nested + "}").post(purchases(shop)).then();
        speaksTheApi(r, 400);
        r.body("detail", containsString("at most 1000 levels"));
    }

    @Test
    void brokenJsonSaysWhere() {
        Api.TestMerchant shop = newMerchant();
        ValidatableResponse r = as(shop.integrator()).body("{\"transactionId\": \"p\",\n \"total\": }").post(purchases(shop)).then();
        speaksTheApi(r, 400);
        r.body("detail", containsString("line 2"));
    }

    @Test
    void aBodyOfTheWrongContentTypeIsRefusedNamingWhatToSend() {
        Api.TestMerchant shop = newMerchant();
        ValidatableResponse r = given().header("X-Api-Key", shop.integrator()).contentType("text/plain").body("total=10")
                .post(purchases(shop)).then();
        speaksTheApi(r, 415);
        r.body("detail", containsString("text/plain")).body("detail", containsString("application/json"));
    }

    @Test
    void aMissingBodyIsNamedAsTheBodyNotAsAJavaParameter() {
        Api.TestMerchant shop = newMerchant();
        String upload = "/merchants/" + shop.code() + "/rule-versions";
        HttpResponse<String> nothing = BadInputIsRefusedTest.postWithNothing(upload, shop.marketing());
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(nothing.body()).contains("(body)").doesNotContain("upload.request").doesNotContain("MessageBodyReader");
        ValidatableResponse json = as(shop.marketing()).post(upload).then();
        speaksTheApi(json, 400);
        json.body("errors.field", contains("(body)")).body("detail", containsString("missing"));
        assertThat(BadInputIsRefusedTest.postWithNothing(purchases(shop), shop.integrator()).body())
                .contains("is missing").doesNotContain("purchase.request");
    }

    @Test
    void anOversizedUploadIsRefusedBeforeItIsRead() throws Exception {
        Api.TestMerchant shop = newMerchant();
        // a 3 MB multipart body with its Content-Length, as browsers and most clients send it
        String boundary = "jifen-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.drl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[3 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + RestAssured.port + "/merchants/"
                        + shop.code() + "/rule-versions"))
                .header("X-Api-Key", shop.marketing()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("/payload-too-large").contains("larger than");
        for (String internal : INTERNALS) {
            assertThat(r.body()).doesNotContain(internal);
        }
    }

    @Test
    void aWorkbookThatUnpacksTooLargeIsRefusedInTheMerchantsWords() throws IOException {
        Api.TestMerchant shop = newMerchant();
        String content = Base64.getEncoder().encodeToString(spreadsheetUnpackingTo(150 * 1024 * 1024));
        ValidatableResponse r = as(shop.marketing()).body(Map.of("files", List.of(Map.of("name", "promo.drl.xlsx",
                "encoding", "base64", "content", content)))).post("/merchants/" + shop.code() + "/rule-versions").then();
        speaksTheApi(r, 422);
        r.body("errors[0].file", equalTo("promo.drl.xlsx"))
                .body("errors[0].message", containsString("too large once unpacked"));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/rule-versions").then().statusCode(200).body("items", empty());
    }

    @Test
    void anUnknownFieldAndAWrongTypeAreNamedByTheirJsonPath() {
        Api.TestMerchant shop = newMerchant();
        ValidatableResponse unknown = as(shop.integrator()).body(Map.of("transactionId", "p", "memberId", "m",
                "occurredAt", "2026-03-05T04:00:00Z", "total", 1, "tip", 2)).post(purchases(shop)).then();
        speaksTheApi(unknown, 400);
        unknown.body("errors.field", contains("tip"));
        ValidatableResponse wrong = as(shop.integrator()).body(Map.of("transactionId", "p", "memberId", "m",
                "occurredAt", "yesterday", "total", 1)).post(purchases(shop)).then();
        speaksTheApi(wrong, 400);
        wrong.body("errors.field", contains("occurredAt")).body("errors[0].message", containsString("2026-11-10T03:00:00Z"));
    }

    /** A zip holding one entry of {@code bytes} spaces: small on the wire, too large for a workbook once unpacked. */
    private static byte[] spreadsheetUnpackingTo(int bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < bytes; written += spaces.length) {
                zip.write(spaces);
            }
            zip.write("</Types>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
