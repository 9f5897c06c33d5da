package ae.rta.cctv.vms.adapter.out.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vms ONVIF connector against a third-party ONVIF server run by hand beside it (docs/interop.md says how and
 * what it found), skipped unless {@code CCTV_ONVIF_INTEROP_DEVICE} names its device service. The server's profiles
 * must point at {@code rtsp://<host>:CCTV_ONVIF_INTEROP_RTSP_PORT/cam}, where this test starts its RTSP camera;
 * {@code CCTV_ONVIF_INTEROP_EVENT_FILE} is the file whose presence the server reports as motion.
 */
@EnabledIfEnvironmentVariable(named = "CCTV_ONVIF_INTEROP_DEVICE", matches = "https?://.+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,vms", "spring.application.name=vms",
                "cctv.vms.simulator-dir=${java.io.tmpdir}/cctv-onvif-test-clips", "cctv.vms.event-pull-wait=PT2S"})
final class OnvifInteropTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RtspTestCamera stream;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
    }

    @BeforeAll
    static void startStream() {
        stream = RtspTestCamera.start(Integer.parseInt(env("CCTV_ONVIF_INTEROP_RTSP_PORT", "18554")), "/cam", 25);
    }

    @AfterAll
    static void stopStream() {
        stream.close();
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    private Map<String, String> auth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
        headers.put("X-Cctv-Actor", "user-1");
        headers.put("X-Cctv-Actor-Name", "interop");
        return headers;
    }

    private JsonNode camera(ServiceHttp http, String id) {
        return JSON.readTree(http.get("/internal/cameras/" + id, auth()).body());
    }

    @Test
    void theServerIsProbedStreamsSteersAndReportsMotion() throws IOException {
        ServiceHttp http = new ServiceHttp(port);
        http.send("POST", "/internal/agencies", "{\"code\":\"TAXI\",\"name\":\"Dubai Taxi\"}", auth());
        Response added = http.send("POST", "/internal/cameras", JSON.writeValueAsString(Map.of("name", "Third-party ONVIF",
                "agency", "TAXI", "ptz", true, "source", Map.of("type", "onvif", "address", env("CCTV_ONVIF_INTEROP_DEVICE", ""),
                        "username", env("CCTV_ONVIF_INTEROP_USER", "onvifuser"),
                        "password", env("CCTV_ONVIF_INTEROP_PASSWORD", "onvifpass")))), auth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = JSON.readTree(added.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> camera(http, id).get("status").asString().equals("ONLINE"));
        System.out.println("interop: camera " + camera(http, id));
        JsonNode main = JSON.readTree(http.get("/internal/cameras/" + id + "/stream", auth()).body());
        JsonNode sub = JSON.readTree(http.get("/internal/cameras/" + id + "/stream?variant=sub", auth()).body());
        System.out.println("interop: main " + main.get("url").asString().replaceAll("//[^@/]*@", "//***@") + ", sub "
                + sub.get("url").asString().replaceAll("//[^@/]*@", "//***@"));
        assertThat(main.get("url").asString()).endsWith(":" + env("CCTV_ONVIF_INTEROP_RTSP_PORT", "18554") + "/cam");

        for (String move : new String[] {"{\"action\":\"absolute\",\"pan\":0.5,\"tilt\":-0.5}",
                "{\"action\":\"absolute\",\"pan\":0,\"tilt\":0,\"zoom\":0.5}", "{\"action\":\"relative\",\"pan\":0.25,\"tilt\":0.1}",
                "{\"action\":\"continuous\",\"pan\":-0.5,\"tilt\":0.2,\"zoom\":0,\"timeoutMs\":1000}", "{\"action\":\"stop\"}",
                "{\"action\":\"home\"}"}) {
            Response r = http.send("POST", "/internal/cameras/" + id + "/ptz", move, auth());
            System.out.println("interop: " + move + " -> " + r.status() + " " + r.body());
        }
        Response presets = http.get("/internal/cameras/" + id + "/ptz/presets", auth());
        System.out.println("interop: presets -> " + presets.status() + " " + presets.body());

        Path motion = Path.of(env("CCTV_ONVIF_INTEROP_EVENT_FILE", "/tmp/onvif_notify_server/motion_alarm"));
        await().atMost(Duration.ofSeconds(20)).until(() -> camera(http, id).get("events").asString().equals("subscribed"));
        Files.deleteIfExists(motion);
        Files.createFile(motion);
        String events = "/internal/camera-events?kind=motion&camera=" + id;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get(events, auth()).body().contains("\"active\":true"));
        } finally {
            Files.deleteIfExists(motion);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(events, auth()).body().contains("\"active\":false"));
        System.out.println("interop: events " + http.get(events, auth()).body());
    }
}
