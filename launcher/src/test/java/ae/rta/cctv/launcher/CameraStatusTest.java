package ae.rta.cctv.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of a camera that does not work, in the system as {@code ./cctv run} starts it (4 s segments):
 * the camera list says why (statusReason), when it was last seen, and whether it records: {@code recording} was
 * hard-coded false for every camera, and nothing public carried the health monitor's reason.
 */
final class CameraStatusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static CctvLauncher launcher;
    private static ServiceHttp api;
    private static String admin;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createTempDirectory("camera-status");
        Map<String, String> env = new HashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            env.put(s.portVariable(), Integer.toString(FreePorts.pick()));
        }
        env.put("CCTV_SERVICE_SECRET", "camera-status-test-secret-0123456789abcdef");
        LauncherSettings settings = LauncherSettings.from(new String[] {"--data-dir=" + data}, env);
        // Short segments, so that "segments land" is seen within seconds; the demo cameras' GOP is 1 s.
        System.setProperty("cctv.recording.segment-length", "PT4S");
        launcher = new CctvLauncher(settings);
        launcher.start();
        api = new ServiceHttp(settings.port(ServiceSpec.named("api")));
        Response login = api.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"demo-password\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        admin = JSON.readTree(login.body()).get("accessToken").asString();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("cctv.recording.segment-length");
        if (launcher != null) {
            launcher.close();
        }
    }

    private static JsonNode get(String path) {
        Response r = api.get(path, Map.of("Authorization", "Bearer " + admin));
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void aRecordingCameraSaysSoWithItsCodecAndResolution() {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode camera = get("/api/v1/cameras?agency=METRO").get("items").get(0);
            assertThat(camera.get("recording").asBoolean()).as(camera.toString()).isTrue();
            assertThat(camera.get("recordingReason").isNull()).isTrue();
            assertThat(camera.get("codec").asString()).isEqualTo("H.264");
            assertThat(camera.get("resolution").asString()).matches("\\d+x\\d+");
            assertThat(camera.get("status").asString()).isEqualTo("ONLINE");
            assertThat(camera.get("lastSeenAt").isNull()).isFalse();
        });
    }

    @Test
    void aConnectionTestSaysWhatItFoundBeforeAnythingIsSaved() {
        long before = get("/api/v1/cameras").get("total").asLong();
        try (ae.rta.cctv.testsupport.RtspTestCamera camera = ae.rta.cctv.testsupport.RtspTestCamera.start()) {
            JsonNode found = testConnection("{\"source\":{\"type\":\"rtsp\",\"url\":\"" + camera.url() + "\"}}", 200);
            assertThat(found.get("reachable").asBoolean()).as(found.toString()).isTrue();
            assertThat(found.get("reason").isNull()).isTrue();
            assertThat(found.get("codec").asString()).isEqualTo("H.264");
            assertThat(found.get("resolution").asString()).isEqualTo("640x360");
            assertThat(found.get("audio").asBoolean()).isFalse();
        }
        JsonNode refused = testConnection("{\"source\":{\"type\":\"rtsp\",\"url\":\"rtsp://127.0.0.1:"
                + FreePorts.pick() + "/cam\"}}", 200);
        assertThat(refused.get("reachable").asBoolean()).isFalse();
        assertThat(refused.get("reason").asString()).isEqualTo("connection refused");
        testConnection("{\"source\":{\"type\":\"rtsp\",\"url\":\"file:///etc/passwd\"}}", 400);
        assertThat(get("/api/v1/cameras").get("total").asLong()).as("nothing saved").isEqualTo(before);
        JsonNode audit = get("/api/v1/audit?action=CAMERA_TEST");
        assertThat(audit.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(audit.toString()).contains("connection refused").contains("127.0.0.1");
    }

    private static JsonNode testConnection(String body, int status) {
        Response r = api.send("POST", "/api/v1/cameras/test-connection", body,
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    @Test
    void aCameraOnAClosedPortIsOfflineWithinFifteenSecondsAndSaysWhy() {
        int closed = FreePorts.pick();
        Response added = api.send("POST", "/api/v1/cameras", "{\"name\":\"Closed port\",\"agency\":\"TAXI\",\"source\":"
                + "{\"type\":\"rtsp\",\"url\":\"rtsp://127.0.0.1:" + closed + "/cam\"}}",
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = JSON.readTree(added.body()).get("id").asString();
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode camera = get("/api/v1/cameras/" + id);
            assertThat(camera.get("status").asString()).isEqualTo("OFFLINE");
            assertThat(camera.get("statusReason").asString()).isNotBlank();
        });
        JsonNode camera = get("/api/v1/cameras/" + id);
        System.out.printf("closed-port camera OFFLINE after %d ms: %s%n", (System.nanoTime() - start) / 1_000_000,
                camera.get("statusReason").asString());
        assertThat(camera.get("recording").asBoolean()).isFalse();
        assertThat(camera.get("recordingReason").asString()).contains("offline");
    }
}
