package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** What any client sees of the api service: security headers, the OpenAPI document, CORS off, no route left open. */
final class PublicSurfaceTest {

    private final ApiSystem system = ApiSystem.get();

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        String token = system.token("metro.viewer");
        for (Response r : List.of(system.get("/api/v1/me", token), system.get("/api/v1/me", null),
                system.get("/api/v1/no-such-route", token), system.login("x", "y"), system.get("/health", null))) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void corsIsOffUnlessConfigured() {
        Response preflight = system.http.send("OPTIONS", "/api/v1/me", null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesEveryPublicRouteAndBearerAuth() {
        JsonNode doc = ApiSystem.json(system.get("/api/v1/openapi.json", null));
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        List<String> documented = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(op -> documented.add(op.getKey().toUpperCase() + " " + p.getKey())));
        List<String> ruled = accessRules().stream().filter(r -> !r.contains("/openapi.json")).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(ruled);
        assertThat(doc.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.toString()).doesNotContain("RequestOrigin").doesNotContain("\"Caller\"");
    }

    @Test
    void everyRouteOfTheServiceHasAnAccessRule() {
        RequestMappingHandlerMapping mapping = system.api.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<String> routes = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(routes).isNotEmpty().allSatisfy(route -> assertThat(accessRules()).contains(route));
    }

    private static List<String> accessRules() {
        return ae.rta.cctv.api.adapter.in.web.AccessPolicyRules.all();
    }
}
