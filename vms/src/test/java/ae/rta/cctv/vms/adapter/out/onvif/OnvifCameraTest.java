package ae.rta.cctv.vms.adapter.out.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.TestEngines;
import ae.rta.cctv.vms.adapter.out.onvif.FakeOnvifDevice.Login;
import ae.rta.cctv.vms.adapter.out.onvif.FakeOnvifDevice.Options;
import ae.rta.cctv.vms.adapter.out.onvif.FakeOnvifDevice.Ranges;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ONVIF cameras through the vms routes, against fake devices of several kinds: a Profile S device with a
 * UsernameToken login and its clock two hours off; a Profile T device that wants HTTP Digest; a PTZ head whose
 * configuration is on the sub profile with ranges like onvif_simple_server's, behind NAT; a device with pull points.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,vms", "spring.application.name=vms",
                "cctv.vms.simulator-dir=${java.io.tmpdir}/cctv-onvif-test-clips", "cctv.vms.event-pull-wait=PT1S"})
@ExtendWith(OutputCaptureExtension.class)
final class OnvifCameraTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "onvif-secret";
    private static RtspTestCamera stream;
    private static FakeOnvifDevice profileS;
    private static FakeOnvifDevice digest;
    private static FakeOnvifDevice steps;
    private static FakeOnvifDevice zoomResetting;
    private static FakeOnvifDevice events;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
    }

    @BeforeAll
    static void startDevices() {
        stream = RtspTestCamera.start();
        profileS = new FakeOnvifDevice("onvif-admin", SECRET, Duration.ofHours(2), stream.url());
        digest = new FakeOnvifDevice("onvif-admin", SECRET, Duration.ZERO, stream.url(),
                Options.PROFILE_S.login(Login.DIGEST).media2(true));
        steps = new FakeOnvifDevice("onvif-admin", SECRET, Duration.ZERO, stream.url(),
                Options.PROFILE_S.media2(true).ptz("sub", Ranges.STEPS, false).advertising("127.0.0.2"));
        zoomResetting = new FakeOnvifDevice("onvif-admin", SECRET, Duration.ZERO, stream.url(),
                Options.PROFILE_S.login(Login.EITHER).ptz("main", Ranges.GENERIC, true));
        events = new FakeOnvifDevice("onvif-admin", SECRET, Duration.ofMinutes(-3), stream.url(),
                Options.PROFILE_S.login(Login.EITHER).media2(true).events(true, Duration.ofSeconds(4)));
    }

    @AfterAll
    static void stopDevices() {
        for (FakeOnvifDevice d : List.of(profileS, digest, steps, zoomResetting, events)) {
            d.close();
        }
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

    private String add(FakeOnvifDevice device, String password, boolean ptz) {
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

    private Response move(String id, String body) {
        return http().send("POST", "/internal/cameras/" + id + "/ptz", body, actor());
    }

    private List<JsonNode> events(String id, String kind) {
        JsonNode answer = JSON.readTree(http().get("/internal/camera-events?after=0&limit=1000&kind=" + kind + "&camera=" + id,
                auth()).body());
        return answer.get("items").valueStream().toList();
    }

    @Test
    void theDeviceGivesItsStreamUrlDespiteItsClockAndTheCameraTurnsOnline() {
        String id = add(profileS, SECRET, true);
        await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("ONLINE"));
        JsonNode endpoint = JSON.readTree(http().get("/internal/cameras/" + id + "/stream", auth()).body());
        assertThat(endpoint.get("url").asString())
                .isEqualTo(stream.url().replace("rtsp://", "rtsp://onvif-admin:onvif-secret@"));
        assertThat(profileS.operations()).contains("GetStreamUri http://www.onvif.org/ver10/media/wsdl main");
    }

    @Test
    void aWrongPasswordLeavesTheCameraOfflineSayingTheUsernameTokenWasRefused() {
        String id = add(profileS, "not-the-secret", false);
        await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("OFFLINE"));
        assertThat(camera(id).get("statusReason").asString()).contains("WS-UsernameToken").contains("Sender not authorized");
    }

    @Test
    void aDigestDeviceIsLoggedInWithDigestOverPlainHttp11AndStreamsThroughMedia2(CapturedOutput output) {
        String id = add(digest, SECRET, false);
        await().atMost(Duration.ofSeconds(15)).until(() -> camera(id).get("status").asString().equals("ONLINE"));
        assertThat(digest.operations()).contains("GetStreamUri http://www.onvif.org/ver20/media/wsdl main",
                "GetStreamUri http://www.onvif.org/ver20/media/wsdl sub");
        List<FakeOnvifDevice.Request> requests = digest.requests();
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.protocol()).isEqualTo("HTTP/1.1");
            assertThat(r.headers()).doesNotContainKeys("upgrade", "http2-settings");
        });
        assertThat(requests).filteredOn(r -> r.operation().equals("GetProfiles") && r.headers().containsKey("authorization"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.headers().get("authorization").getFirst()).startsWith("Digest username=\"onvif-admin\""));

        String wrong = add(digest, "not-the-secret", false);
        await().atMost(Duration.ofSeconds(15)).until(() -> camera(wrong).get("status").asString().equals("OFFLINE"));
        assertThat(camera(wrong).get("statusReason").asString()).contains("refused the HTTP Digest login");
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("not-the-secret");
    }

    @Test
    void ptzRunsOnTheProfileWithAPtzConfigurationInTheRangesItsOptionsGive() {
        String id = add(steps, SECRET, true);
        assertThat(move(id, "{\"action\":\"absolute\",\"pan\":0,\"tilt\":0}").status()).isEqualTo(202);
        assertThat(move(id, "{\"action\":\"absolute\",\"pan\":1,\"tilt\":-1,\"zoom\":0.5}").status()).isEqualTo(202);
        assertThat(move(id, "{\"action\":\"relative\",\"pan\":0.5,\"tilt\":-0.25,\"zoom\":0.3}").status()).isEqualTo(202);
        assertThat(move(id, "{\"action\":\"continuous\",\"pan\":-0.5,\"tilt\":0,\"zoom\":0.1,\"timeoutMs\":1000}").status())
                .isEqualTo(202);
        // The generic spaces of this node run 0..360 and 0..180 (relative -360..360); zoom's range is a point: no zoom.
        assertThat(steps.operations()).containsSubsequence("AbsoluteMove sub x=180.0000 y=90.0000",
                "AbsoluteMove sub x=360.0000 y=0.0000", "RelativeMove sub x=180.0000 y=-45.0000",
                "ContinuousMove sub x=-0.5000 y=0.0000 zoom=0.1000 timeout=PT1S");
        Response tooFar = move(id, "{\"action\":\"relative\",\"pan\":1.5,\"tilt\":0}");
        assertThat(tooFar.status()).as("relative moves are -1..1, the generic translation space").isEqualTo(400);
    }

    @Test
    void anAbsoluteMoveOfPanAndTiltKeepsTheZoomOfAHeadThatWouldResetIt() {
        String id = add(zoomResetting, SECRET, true);
        assertThat(move(id, "{\"action\":\"absolute\",\"zoom\":0.6}").status()).isEqualTo(202);
        assertThat(move(id, "{\"action\":\"absolute\",\"pan\":0.25,\"tilt\":-0.5}").status()).isEqualTo(202);
        assertThat(zoomResetting.position()).containsExactly(0.25, -0.5, 0.6);
        assertThat(zoomResetting.operations()).containsSubsequence("AbsoluteMove main x=0.0000 y=0.0000 zoom=0.6000",
                "AbsoluteMove main x=0.2500 y=-0.5000 zoom=0.6000");
        Response noAxis = move(id, "{\"action\":\"absolute\",\"pan\":0.25}");
        assertThat(noAxis.status()).isEqualTo(400);
    }

    @Test
    void continuousMoveStopAndPresetsRoundTripThroughTheDevice() {
        String id = add(profileS, SECRET, true);
        Response move = move(id, "{\"action\":\"continuous\",\"pan\":0.5,\"tilt\":-0.25,\"zoom\":0.1,\"timeoutMs\":1500}");
        assertThat(move.status()).as(move.body()).isEqualTo(202);
        assertThat(move(id, "{\"action\":\"stop\"}").status()).isEqualTo(202);
        assertThat(profileS.operations()).containsSubsequence(
                "ContinuousMove main x=0.5000 y=-0.2500 zoom=0.1000 timeout=PT1.5S", "Stop main");

        Response preset = http().send("POST", "/internal/cameras/" + id + "/ptz/presets", "{\"name\":\"Rank <entry> & exit\"}", actor());
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        String token = JSON.readTree(preset.body()).get("token").asString();
        assertThat(http().get("/internal/cameras/" + id + "/ptz/presets", auth()).body()).contains(token)
                .contains("Rank <entry> & exit");
        assertThat(move(id, "{\"action\":\"preset\",\"preset\":\"" + token + "\"}").status()).isEqualTo(202);
        assertThat(http().send("DELETE", "/internal/cameras/" + id + "/ptz/presets/" + token, null, actor()).status())
                .isEqualTo(204);
        assertThat(profileS.operations()).contains("GotoPreset " + token, "RemovePreset " + token);
        Response missing = move(id, "{\"action\":\"preset\",\"preset\":\"nope\"}");
        assertThat(missing.status()).as("the device's refusal is a bad gateway, with its reason").isEqualTo(502);
        assertThat(missing.body()).contains("no preset nope");
    }

    @Test
    void motionAndTamperingFromThePullPointAreCameraEventsAcrossRenewalsAndLapses() {
        String id = add(events, SECRET, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> "subscribed".equals(camera(id).get("events").asString()));
        events.raise("tns1:VideoSource/MotionAlarm", "State", true);
        events.raise("tns1:VideoSource/GlobalSceneChange/ImagingService", "State", true);
        events.raise("tns1:RuleEngine/LineDetector/Crossed", "State", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> events(id, "motion").size() == 1 && events(id, "tampering").size() == 1);
        JsonNode motion = events(id, "motion").getFirst();
        assertThat(motion.get("active").asBoolean()).isTrue();
        assertThat(motion.get("reason").asString()).isEqualTo("tns1:VideoSource/MotionAlarm (Source=VideoSourceToken)");
        assertThat(motion.get("status").isNull()).isTrue();
        // The device's clock is 3 minutes behind; the event is on ours.
        assertThat(Duration.between(java.time.Instant.parse(motion.get("at").asString()), java.time.Instant.now()).abs())
                .isLessThan(Duration.ofSeconds(30));

        // The device grants 4 s and extends only on Renew: after three renewals the pull point has outlived its first
        // life, and events still come.
        await().atMost(Duration.ofSeconds(15)).until(() -> events.operations().stream().filter("Renew"::equals).count() >= 3);
        events.raise("tns1:VideoSource/MotionAlarm", "State", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> events(id, "motion").size() == 2);
        assertThat(events(id, "motion").get(1).get("active").asBoolean()).isFalse();

        // A pull point that lapses (device restarted) is made again.
        long created = events.operations().stream().filter(o -> o.startsWith("CreatePullPointSubscription")).count();
        events.dropPullPoints();
        await().atMost(Duration.ofSeconds(15)).until(() -> events.operations().stream()
                .filter(o -> o.startsWith("CreatePullPointSubscription")).count() > created && events.livePullPoints() == 1);
        events.raise("tns1:RuleEngine/CellMotionDetector/Motion", "IsMotion", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> events(id, "motion").size() == 3);
        assertThat(events(id, "status")).allSatisfy(e -> assertThat(e.get("kind").asString()).isEqualTo("STATUS"));

        assertThat(http().send("DELETE", "/internal/cameras/" + id, null, auth()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.operations().contains("Unsubscribe"));
    }

    @Test
    void aDeviceWithoutEventsIsFollowedForNone() {
        String id = add(profileS, SECRET, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> "the camera offers no events".equals(camera(id).get("events").asString()));
        assertThat(http().get("/internal/camera-events?kind=bogus", auth()).status()).isEqualTo(400);
    }
}
