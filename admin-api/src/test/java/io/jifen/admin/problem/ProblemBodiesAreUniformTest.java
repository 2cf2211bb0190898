package io.jifen.admin.problem;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static io.jifen.admin.support.Api.merchantBody;
import static io.jifen.admin.support.Api.newMerchant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every problem body has the same shape, wherever it is raised (the key filter, the exception
 * mappers, a service): {@code instance} is the request's path, the title is the one the catalogue
 * gives its type, and the detail speaks the API's words ("an INTEGRATOR key").
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class ProblemBodiesAreUniformTest {

    @Test
    void everyProblemNamesItsInstanceAndTakesItsTypesTitle() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        String members = "/merchants/" + shop.code() + "/members/ann";
        check(given(), "get", members, "unauthorized", 401);
        check(as("no-such-key"), "get", members, "unauthorized", 401);
        check(as(shop.marketing()), "get", members, "forbidden", 403);
        check(as(other.integrator()), "get", members, "not-found", 404);
        check(as(shop.integrator()), "get", members, "not-found", 404);
        check(asAdmin(), "get", "/merchants/" + shop.code() + "/no-such-thing", "not-found", 404);
        check(asAdmin(), "delete", "/merchants", "method-not-allowed", 405);
        check(asAdmin().body(merchantBody(shop.code())), "post", "/merchants", "merchant-exists", 409);
        check(asAdmin().body(Map.of("code", "x")), "post", "/merchants", "invalid-request", 422);
        check(asAdmin().body("{\"code\": "), "post", "/merchants", "malformed-request", 400);
        check(as(shop.integrator()), "get", "/merchants/" + shop.code() + "/statement-of-nobody/x?limit=abc", "not-found", 404);
        check(as(shop.integrator()), "get", members + "/statement?limit=0", "invalid-parameter", 400);
        check(as(shop.integrator()).contentType("text/plain").body("hi"), "post",
                "/merchants/" + shop.code() + "/purchases", "unsupported-media-type", 415);
    }

    @Test
    void aRefusedRoleIsToldWhichKeyItNeedsInPlainEnglish() {
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).get("/merchants/" + shop.code() + "/members/ann").then().statusCode(403)
                .body("detail", equalTo(
                        "a MARKETING key may not do this; it needs an INTEGRATOR or QA key"));
        as(shop.qa()).body(Map.of()).post("/merchants/" + shop.code() + "/purchases").then().statusCode(403)
                .body("detail", equalTo("a QA key may not do this; it needs an INTEGRATOR key"));
        as(shop.integrator()).get("/merchants").then().statusCode(403)
                .body("detail", equalTo("an INTEGRATOR key may not do this; it needs an ADMIN key"));
    }

    private static void check(RequestSpecification request, String method, String path, String slug, int status) {
        Function<RequestSpecification, Response> call = switch (method) {
            case "get" -> r -> r.get(path);
            case "post" -> r -> r.post(path);
            case "delete" -> r -> r.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
        Response response = call.apply(request);
        String what = method.toUpperCase() + " " + path;
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getString("type")).as(what).isEqualTo(ProblemType.BASE + slug);
        assertThat(response.jsonPath().getInt("status")).as(what).isEqualTo(status);
        assertThat(response.jsonPath().getString("instance")).as(what).isEqualTo(path.split("\\?")[0]);
        String title = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow().title();
        assertThat(response.jsonPath().getString("title")).as(what).isEqualTo(title);
        assertThat(response.jsonPath().getString("detail")).as(what).isNotBlank();
    }
}
