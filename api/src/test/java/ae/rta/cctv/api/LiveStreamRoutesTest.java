package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Live-stream quotas from outside, through the api service, the stream-counter service and real Redis. */
final class LiveStreamRoutesTest {

    private static final ApiSystem system = ApiSystem.get();
    private static String admin;
    private static String taxiOperator;
    private static final List<String> taxiCameras = new ArrayList<>();
    private static String policeCamera;

    @BeforeAll
    static void setUp() {
        admin = system.token("admin");
        system.createUser("taxi.operator", "taxi-operator-password", "OPERATOR", "TAXI");
        taxiOperator = ApiSystem.json(system.login("taxi.operator", "taxi-operator-password")).get("accessToken").asString();
        for (JsonNode c : ApiSystem.json(system.get("/api/v1/cameras", admin)).get("items")) {
            if (c.get("agency").asString().equals("TAXI")) {
                taxiCameras.add(c.get("id").asString());
            } else if (c.get("agency").asString().equals("DUBAI_POLICE")) {
                policeCamera = c.get("id").asString();
            }
        }
    }

    private static Response start(String token, String camera) {
        return system.call("POST", "/api/v1/streams", token, "{\"cameraId\":\"" + camera + "\"}");
    }

    private static int taxiActive() {
        for (JsonNode q : ApiSystem.json(system.get("/api/v1/quotas", admin)).get("items")) {
            if (q.get("agency").asString().equals("TAXI")) {
                return q.get("active").asInt();
            }
        }
        throw new AssertionError("no TAXI quota");
    }

    /** Regression: any user of the same agency could heartbeat or release another's stream (204, the owner's view cut). */
    @Test
    void anotherUserOfTheAgencyCannotHeartbeatOrReleaseAStream() {
        system.createUser("taxi.colleague", "taxi-colleague-password", "OPERATOR", "TAXI");
        String colleague = ApiSystem.json(system.login("taxi.colleague", "taxi-colleague-password")).get("accessToken").asString();
        Response started = start(taxiOperator, taxiCameras.get(0));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = ApiSystem.json(started).get("id").asString();

        assertThat(system.call("POST", "/api/v1/streams/" + id + "/heartbeat", colleague, null).status()).isEqualTo(404);
        assertThat(system.call("DELETE", "/api/v1/streams/" + id, colleague, null).status()).isEqualTo(404);
        assertThat(system.call("POST", "/api/v1/streams/" + id + "/heartbeat", taxiOperator, null).status())
                .as("the owner's stream is untouched").isEqualTo(200);

        assertThat(system.call("DELETE", "/api/v1/streams/" + id, admin, null).status())
                .as("an ADMIN may end another user's stream").isEqualTo(204);
        JsonNode audit = ApiSystem.json(system.get("/api/v1/audit?actor=admin&action=STREAM_STOP", system.token("auditor")));
        assertThat(audit.get("items").get(0).get("target").asString()).isEqualTo(taxiCameras.get(0));
        assertThat(audit.get("items").get(0).toString()).contains("another user's stream");
        assertThat(system.call("POST", "/api/v1/streams/" + id + "/heartbeat", taxiOperator, null).status()).isEqualTo(404);
    }

    @Test
    void twoHundredConcurrentStartsAgainstALimitOfTwentyOpenExactlyTwentyAndReleasingFreesThemAll() throws Exception {
        Response set = system.call("PUT", "/api/v1/quotas/TAXI", admin, "{\"limit\":20}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        List<Future<Response>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 200; i++) {
                String camera = taxiCameras.get(i % taxiCameras.size());
                attempts.add(pool.submit(() -> start(taxiOperator, camera)));
            }
        }
        List<String> started = new ArrayList<>();
        int refused = 0;
        for (Future<Response> f : attempts) {
            Response r = f.get();
            if (r.status() == 201) {
                JsonNode s = ApiSystem.json(r);
                started.add(s.get("id").asString());
                assertThat(s.get("agency").asString()).isEqualTo("TAXI");
                assertThat(s.get("heartbeatSeconds").asLong()).isPositive();
                assertThat(s.get("urls").get("mse").asString()).startsWith("ws");
                assertThat(s.get("urls").get("hls").asString()).contains("/index.m3u8?variant=main&sig=");
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(429);
                JsonNode problem = ApiSystem.json(r);
                assertThat(problem.get("scope").asString()).isEqualTo("agency");
                assertThat(problem.get("limit").asInt()).isEqualTo(20);
                assertThat(problem.get("active").asInt()).isEqualTo(20);
                refused++;
            }
        }
        assertThat(started).hasSize(20).doesNotHaveDuplicates();
        assertThat(refused).isEqualTo(180);
        assertThat(taxiActive()).isEqualTo(20);

        String one = started.getFirst();
        Response beat = system.call("POST", "/api/v1/streams/" + one + "/heartbeat", taxiOperator, null);
        assertThat(beat.status()).isEqualTo(200);
        assertThat(ApiSystem.json(beat).get("expiresAt").asString()).isNotBlank();
        for (String id : started) {
            assertThat(system.call("DELETE", "/api/v1/streams/" + id, taxiOperator, null).status()).isEqualTo(204);
        }
        assertThat(taxiActive()).isZero();
        assertThat(system.call("POST", "/api/v1/streams/" + one + "/heartbeat", taxiOperator, null).status()).isEqualTo(404);

        String auditor = system.token("auditor");
        JsonNode denied = ApiSystem.json(system.get("/api/v1/audit?actor=taxi.operator&action=STREAM_START&outcome=DENIED", auditor));
        assertThat(denied.get("total").asLong()).isEqualTo(180);
        assertThat(denied.get("items").get(0).get("detail").asString()).contains("agency limit full: 20 of 20");
        assertThat(ApiSystem.json(system.get("/api/v1/audit?actor=taxi.operator&action=STREAM_STOP", auditor))
                .get("total").asLong()).isEqualTo(20);
        assertThat(ApiSystem.json(system.get("/api/v1/audit?action=QUOTA_CHANGE&target=TAXI", auditor))
                .get("total").asLong()).isPositive();
    }

    @Test
    void streamsAndQuotasAreScopedToTheCallersAgency() {
        String viewer = system.token("metro.viewer");
        assertThat(start(viewer, policeCamera).status()).as("another agency's camera does not exist").isEqualTo(404);
        String police = system.token("police.operator");
        Response own = start(police, policeCamera);
        assertThat(own.status()).isEqualTo(201);
        String id = ApiSystem.json(own).get("id").asString();
        assertThat(system.call("POST", "/api/v1/streams/" + id + "/heartbeat", viewer, null).status()).isEqualTo(404);
        assertThat(system.call("DELETE", "/api/v1/streams/" + id, viewer, null).status()).isEqualTo(404);
        assertThat(system.call("DELETE", "/api/v1/streams/" + id, police, null).status()).isEqualTo(204);

        JsonNode quotas = ApiSystem.json(system.get("/api/v1/quotas", police));
        assertThat(quotas.get("items")).hasSize(1);
        assertThat(quotas.get("items").get(0).get("agency").asString()).isEqualTo("DUBAI_POLICE");
        assertThat(ApiSystem.json(system.get("/api/v1/quotas", admin)).get("items").size()).isGreaterThanOrEqualTo(3);

        assertThat(start(system.token("auditor"), policeCamera).status()).isEqualTo(403);
        assertThat(system.call("PUT", "/api/v1/quotas/METRO", police, "{\"limit\":1}").status()).isEqualTo(403);
        assertThat(system.call("PUT", "/api/v1/quotas/NOPE", admin, "{\"limit\":1}").status()).isEqualTo(400);
        assertThat(system.call("PUT", "/api/v1/quotas/METRO", admin, "{\"limit\":-4}").status()).isEqualTo(400);
        assertThat(system.call("POST", "/api/v1/streams/not-a-stream/heartbeat", police, null).status()).isEqualTo(400);
        assertThat(system.call("POST", "/api/v1/streams", police, "{\"cameraId\":\"nope\"}").status()).isEqualTo(400);
    }

    @Test
    void aRetriedStartWithTheSameIdempotencyKeyReturnsTheSameStream() {
        String police = system.token("police.operator");
        Map<String, String> headers = Map.of("Authorization", "Bearer " + police, "Content-Type", "application/json",
                "Idempotency-Key", "tile-3-attempt-1");
        String body = "{\"cameraId\":\"" + policeCamera + "\"}";
        Response first = system.http.send("POST", "/api/v1/streams", body, headers);
        Response retry = system.http.send("POST", "/api/v1/streams", body, headers);
        assertThat(first.status()).isEqualTo(201);
        assertThat(ApiSystem.json(retry).get("id").asString()).isEqualTo(ApiSystem.json(first).get("id").asString());
        system.call("DELETE", "/api/v1/streams/" + ApiSystem.json(first).get("id").asString(), police, null);
    }
}
