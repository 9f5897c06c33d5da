package ae.rta.cctv.vms.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,vms", "spring.application.name=vms", "cctv.demo=true"})
@ExtendWith(OutputCaptureExtension.class)
final class CameraRegistryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET_PASSWORD = "Sup3r-Secret-Cam-Pass";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) throws Exception {
        TestEngines.registerPostgres(registry);
        Path clips = Files.createTempDirectory("simulator-clips");
        registry.add("cctv.vms.simulator-dir", clips::toString);
    }

    private Map<String, String> auth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private ServiceHttp http() {
        return new ServiceHttp(port);
    }

    private JsonNode camera(String id) {
        return JSON.readTree(http().get("/internal/cameras/" + id, auth()).body());
    }

    @Test
    void theDemoCamerasAreServedByTheSimulatorAndTurnOnlineWithin30Seconds() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode cameras = JSON.readTree(http().get("/internal/cameras", auth()).body()).get("items");
            long simulated = 0;
            for (JsonNode c : cameras) {
                if (c.get("source").get("type").asString().equals("simulator")) {
                    simulated++;
                    assertThat(c.get("status").asString()).as(c.get("name").asString() + ": " + c.get("statusReason"))
                            .isEqualTo("ONLINE");
                }
            }
            assertThat(simulated).isEqualTo(12);
        });
        String metrics = http().get("/metrics").body();
        assertThat(metrics).contains("cctv_vms_cameras{agency=\"METRO\",service=\"vms\",status=\"ONLINE\"} 4.0");
    }

    @Test
    void anRtspCameraTurnsOfflineWhenItDropsAndOnlineWhenItReturns(CapturedOutput output) {
        try (RtspTestCamera device = RtspTestCamera.start()) {
            Response added = http().send("POST", "/internal/cameras", JSON.writeValueAsString(Map.of(
                    "name", "Test gate camera", "agency", "METRO", "source", Map.of("type", "rtsp", "url", device.url(),
                            "username", "operator", "password", SECRET_PASSWORD))), auth());
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            String id = JSON.readTree(added.body()).get("id").asString();
            await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("ONLINE"));

            device.kill();
            await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("OFFLINE"));
            assertThat(camera(id).get("statusReason").asString()).isEqualTo("connection refused");
            String onlineGauge = "cctv_vms_camera_online{agency=\"METRO\",camera=\"" + id + "\",service=\"vms\"} ";
            await().atMost(Duration.ofSeconds(5)).until(() -> http().get("/metrics").body().contains(onlineGauge + "0.0"));
            device.restart();
            await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("ONLINE"));
            await().atMost(Duration.ofSeconds(5)).until(() -> http().get("/metrics").body().contains(onlineGauge + "1.0"));

            JsonNode events = JSON.readTree(http().get("/internal/camera-events?after=0&limit=1000", auth()).body());
            assertThat(events.get("items").valueStream().filter(e -> e.get("cameraId").asString().equals(id))
                    .map(e -> e.get("status").asString()).toList()).containsExactly("ONLINE", "OFFLINE", "ONLINE");

            Response stream = http().get("/internal/cameras/" + id + "/stream?variant=sub", auth());
            assertThat(JSON.readTree(stream.body()).get("url").asString())
                    .isEqualTo(device.url().replace("rtsp://", "rtsp://operator:" + SECRET_PASSWORD + "@"));
            assertThat(http().get("/internal/cameras", auth()).body()).doesNotContain(SECRET_PASSWORD);
            assertThat(camera(id).toString()).doesNotContain(SECRET_PASSWORD).doesNotContain("operator");
            String stored = db.sql("SELECT sealed_password FROM camera WHERE id = ?::uuid").param(id).query(String.class).single();
            assertThat(stored).doesNotContain(SECRET_PASSWORD).startsWith("eyJ");

            // Gone from the catalogue, gone from the metrics (and from the agency's counts the demo test reads).
            assertThat(http().send("DELETE", "/internal/cameras/" + id, null, auth()).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5)).until(() -> !http().get("/metrics").body().contains(onlineGauge));
        }
        assertThat(output.getAll()).doesNotContain(SECRET_PASSWORD);
    }

    @Test
    void badCamerasAreRefusedAndNothingIsWritten() {
        long before = db.sql("SELECT count(*) FROM camera").query(Long.class).single();
        Map<String, Map<String, Object>> bad = Map.of(
                "http scheme", Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "http://10.0.0.1/live")),
                "metadata address", Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://169.254.169.254/latest")),
                "link-local v6", Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://[fe80::1]/s")),
                "credentials in URL", Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://u:p@10.0.0.1/s")),
                "unknown agency", Map.of("name", "x", "agency", "NOPE", "source", Map.of("type", "rtsp", "url", "rtsp://10.0.0.1/s")),
                "huge name", Map.of("name", "n".repeat(10_000), "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://10.0.0.1/s")),
                "password without user", Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://10.0.0.1/s", "password", "p")),
                "no source", Map.of("name", "x", "agency", "METRO"),
                "ftp scheme", Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "ftp://10.0.0.1/s")));
        bad.forEach((what, body) -> {
            Response r = http().send("POST", "/internal/cameras", JSON.writeValueAsString(body), auth());
            assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        assertThat(http().get("/internal/cameras/not-a-uuid", auth()).status()).isEqualTo(400);
        assertThat(http().get("/internal/cameras/00000000-0000-0000-0000-000000000000", auth()).status()).isEqualTo(404);
        assertThat(http().send("DELETE", "/internal/cameras/00000000-0000-0000-0000-000000000000", null, auth()).status())
                .isEqualTo(404);
        assertThat(db.sql("SELECT count(*) FROM camera").query(Long.class).single()).isEqualTo(before);
    }
}
