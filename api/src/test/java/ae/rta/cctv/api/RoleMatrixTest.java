package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each role gets exactly what ARCHITECTURE.md grants: 403 for a forbidden action, 404 for another agency's data. */
final class RoleMatrixTest {

    private static final ApiSystem system = ApiSystem.get();
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static String policeCamera;
    private static String metroCamera;
    private static String someUser;

    @BeforeAll
    static void signIn() {
        for (String user : List.of("admin", "police.operator", "metro.viewer", "auditor")) {
            tokens.put(user, system.token(user));
        }
        JsonNode cameras = ApiSystem.json(system.get("/api/v1/cameras", tokens.get("admin"))).get("items");
        for (JsonNode c : cameras) {
            if (c.get("agency").asString().equals("DUBAI_POLICE") && policeCamera == null) {
                policeCamera = c.get("id").asString();
            }
            if (c.get("agency").asString().equals("METRO") && metroCamera == null) {
                metroCamera = c.get("id").asString();
            }
        }
        someUser = ApiSystem.json(system.get("/api/v1/users", tokens.get("admin"))).get("items").get(0).get("id").asString();
    }

    private record Route(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyRoleGetsExactlyWhatItIsGranted() {
        Route me = new Route("GET", "/api/v1/me", null);
        Route cameras = new Route("GET", "/api/v1/cameras", null);
        Route policeCam = new Route("GET", "/api/v1/cameras/" + policeCamera, null);
        Route metroCam = new Route("GET", "/api/v1/cameras/" + metroCamera, null);
        Route users = new Route("GET", "/api/v1/users", null);
        Route user = new Route("GET", "/api/v1/users/" + someUser, null);
        Route createUser = new Route("POST", "/api/v1/users", "{}");
        Route changeUser = new Route("PATCH", "/api/v1/users/" + someUser, "{}");
        Route resetPassword = new Route("POST", "/api/v1/users/" + someUser + "/password", "{}");
        Route audit = new Route("GET", "/api/v1/audit", null);
        Route verify = new Route("GET", "/api/v1/audit/verify", null);
        Route rotate = new Route("POST", "/api/v1/auth/keys/rotate", null);
        Route jwks = new Route("GET", "/api/v1/auth/jwks", null);
        Route openapi = new Route("GET", "/api/v1/openapi.json", null);

        // Admin-only writes get an empty body: an admin gets 400 for it, proving the role check passed.
        Map<String, Map<Route, Integer>> expected = new LinkedHashMap<>();
        expected.put("admin", matrix(me, 200, cameras, 200, policeCam, 200, metroCam, 200, users, 200, user, 200,
                createUser, 400, changeUser, 200, resetPassword, 400, audit, 200, verify, 200, rotate, 200, jwks, 200,
                openapi, 200));
        expected.put("police.operator", matrix(me, 200, cameras, 200, policeCam, 200, metroCam, 404, users, 403,
                user, 403, createUser, 403, changeUser, 403, resetPassword, 403, audit, 403, verify, 403, rotate, 403,
                jwks, 200, openapi, 200));
        expected.put("metro.viewer", matrix(me, 200, cameras, 200, policeCam, 404, metroCam, 200, users, 403,
                user, 403, createUser, 403, changeUser, 403, resetPassword, 403, audit, 403, verify, 403, rotate, 403,
                jwks, 200, openapi, 200));
        expected.put("auditor", matrix(me, 200, cameras, 403, policeCam, 403, metroCam, 403, users, 403, user, 403,
                createUser, 403, changeUser, 403, resetPassword, 403, audit, 200, verify, 200, rotate, 403, jwks, 200,
                openapi, 200));

        List<String> wrong = new ArrayList<>();
        expected.forEach((who, routes) -> routes.forEach((route, status) -> {
            Response r = system.call(route.method(), route.path(), tokens.get(who), route.body());
            if (r.status() != status) {
                wrong.add(who + " " + route + ": expected " + status + ", got " + r.status() + " " + r.body());
            }
            if (r.status() >= 400) {
                assertThat(r.contentType()).as(who + " " + route).startsWith("application/problem+json");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void cameraListsAreScopedToTheCallersAgency() {
        JsonNode police = ApiSystem.json(system.get("/api/v1/cameras", tokens.get("police.operator")));
        assertThat(police.get("total").asInt()).isPositive();
        police.get("items").forEach(c -> assertThat(c.get("agency").asString()).isEqualTo("DUBAI_POLICE"));
        JsonNode asked = ApiSystem.json(system.get("/api/v1/cameras?agency=METRO", tokens.get("police.operator")));
        assertThat(asked.get("total").asInt()).as("another agency's cameras do not exist for them").isZero();
        JsonNode all = ApiSystem.json(system.get("/api/v1/cameras", tokens.get("admin")));
        assertThat(all.get("total").asInt()).isGreaterThan(police.get("total").asInt());
    }

    @Test
    void aForbiddenActionIsAudited() {
        system.call("GET", "/api/v1/users", tokens.get("metro.viewer"), null);
        JsonNode denied = ApiSystem.json(system.get("/api/v1/audit?actor=metro.viewer&action=ACCESS_DENIED", tokens.get("admin")));
        assertThat(denied.get("total").asLong()).isPositive();
        assertThat(denied.get("items").get(0).get("target").asString()).isEqualTo("GET /api/v1/users");
    }

    private static Map<Route, Integer> matrix(Object... pairs) {
        Map<Route, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Route) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }
}
