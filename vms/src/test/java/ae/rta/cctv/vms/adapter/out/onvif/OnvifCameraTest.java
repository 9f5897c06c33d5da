package ae.rta.cctv.vms.adapter.out.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.TestEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An ONVIF camera whose clock is two hours off: stream URL from the device, health, and PTZ round trips. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,vms", "spring.application.name=vms",
                "cctv.vms.simulator-dir=${java.io.tmpdir}/cctv-onvif-test-clips"})
final class OnvifCameraTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RtspTestCamera stream;
    private static FakeOnvifDevice device;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
    }

    @BeforeAll
    static void startDevice() {
        stream = RtspTestCamera.start();
        device = new FakeOnvifDevice("onvif-admin", "onvif-secret", Duration.ofHours(2), stream.url());
    }

    @AfterAll
    static void stopDevice() {
        device.close();
        stream.close();
    }

    private ServiceHttp http() {
        return new ServiceHttp(port);
    }

    private Map<String, String> auth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private Map<String, String> actor() {
        Map<String, String> headers = new HashMap<>(auth());
        headers.put("X-Cctv-Actor", "user-1");
        headers.put("X-Cctv-Actor-Name", "police.operator");
        return headers;
    }

    private String add(String password, boolean ptz) {
        http().send("POST", "/internal/agencies", "{\"code\":\"TAXI\",\"name\":\"Dubai Taxi\"}", auth());
        Response added = http().send("POST", "/internal/cameras", JSON.writeValueAsString(Map.of("name", "ONVIF dome",
                "agency", "TAXI", "ptz", ptz, "source", Map.of("type", "onvif", "address", device.deviceService(),
                        "username", "onvif-admin", "password", password))), auth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return JSON.readTree(added.body()).get("id").asString();
    }

    private JsonNode camera(String id) {
        return JSON.readTree(http().get("/internal/cameras/" + id, auth()).body());
    }

    @Test
    void theDeviceGivesItsStreamUrlDespiteItsClockAndTheCameraTurnsOnline() {
        String id = add("onvif-secret", true);
        await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("ONLINE"));
        JsonNode endpoint = JSON.readTree(http().get("/internal/cameras/" + id + "/stream", auth()).body());
        assertThat(endpoint.get("url").asString())
                .isEqualTo(stream.url().replace("rtsp://", "rtsp://onvif-admin:onvif-secret@"));
    }

    @Test
    void aWrongPasswordLeavesTheCameraOfflineWithTheDevicesReason() {
        String id = add("not-the-secret", false);
        await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("OFFLINE"));
        assertThat(camera(id).get("statusReason").asString()).contains("Sender not authorized");
    }

    @Test
    void continuousMoveStopAndPresetsRoundTripThroughTheDevice() {
        String id = add("onvif-secret", true);
        Response move = http().send("POST", "/internal/cameras/" + id + "/ptz",
                "{\"action\":\"continuous\",\"pan\":0.5,\"tilt\":-0.25,\"zoom\":0.1,\"timeoutMs\":1500}", actor());
        assertThat(move.status()).as(move.body()).isEqualTo(202);
        assertThat(http().send("POST", "/internal/cameras/" + id + "/ptz", "{\"action\":\"stop\"}", actor()).status())
                .isEqualTo(202);
        assertThat(device.operations()).containsSubsequence(
                "ContinuousMove main x=0.5000 y=-0.2500 zoom=0.1000 timeout=PT1.5S", "Stop main");

        Response preset = http().send("POST", "/internal/cameras/" + id + "/ptz/presets", "{\"name\":\"Rank <entry> & exit\"}", actor());
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        String token = JSON.readTree(preset.body()).get("token").asString();
        assertThat(http().get("/internal/cameras/" + id + "/ptz/presets", auth()).body()).contains(token)
                .contains("Rank <entry> & exit");
        assertThat(http().send("POST", "/internal/cameras/" + id + "/ptz", "{\"action\":\"preset\",\"preset\":\"" + token + "\"}",
                actor()).status()).isEqualTo(202);
        assertThat(http().send("DELETE", "/internal/cameras/" + id + "/ptz/presets/" + token, null, actor()).status())
                .isEqualTo(204);
        assertThat(device.operations()).contains("GotoPreset " + token, "RemovePreset " + token);
        Response missing = http().send("POST", "/internal/cameras/" + id + "/ptz", "{\"action\":\"preset\",\"preset\":\"nope\"}", actor());
        assertThat(missing.status()).as("the device's refusal is a bad gateway, with its reason").isEqualTo(502);
        assertThat(missing.body()).contains("no preset nope");
    }
}
