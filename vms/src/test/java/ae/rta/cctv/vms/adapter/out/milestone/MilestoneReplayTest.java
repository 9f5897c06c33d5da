package ae.rta.cctv.vms.adapter.out.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import ae.rta.cctv.vms.adapter.out.onvif.FakeOnvifDevice;
import java.time.Clock;
import java.time.Duration;
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

/**
 * Where an XProtect camera's recordings replay from: the Open Network Bridge's ONVIF Replay service
 * ({@code GetReplayUri}, signed with the bridge's login), answered as an RTSP URL with the bridge's login, the clock
 * range and {@code Require: onvif-replay}; the bridge's refusals are 502, a bridge without Replay is 409.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,vms", "spring.application.name=vms",
                "cctv.vms.simulator-dir=${java.io.tmpdir}/cctv-milestone-replay-test-clips"})
final class MilestoneReplayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GATE = "61111111-1111-4111-8111-111111111111";
    private static final String TUNNEL = "62222222-2222-4222-8222-222222222222";
    private static final String DEPOT = "63333333-3333-4333-8333-333333333333";
    private static final FakeXProtect POLICE = new FakeXProtect("svc-cctv", "xp-secret", 3600);
    private static final FakeXProtect TRANSPORT = new FakeXProtect("svc-cctv", "xp-secret", 3600);
    private static final FakeOnvifDevice POLICE_BRIDGE = new FakeOnvifDevice("onb-user", "onb-pass", Duration.ofMinutes(7),
            "rtsp://127.0.0.1:9554/live");
    private static final FakeOnvifDevice TRANSPORT_BRIDGE = new FakeOnvifDevice("onb-user", "onb-pass", Duration.ZERO,
            "rtsp://127.0.0.1:9555/live");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
        server(registry, 0, "police-replay", POLICE, POLICE_BRIDGE);
        server(registry, 1, "transport-replay", TRANSPORT, TRANSPORT_BRIDGE);
    }

    private static void server(DynamicPropertyRegistry registry, int n, String id, FakeXProtect xprotect, FakeOnvifDevice bridge) {
        String p = "cctv.vms.milestone[" + n + "].";
        registry.add(p + "id", () -> id);
        registry.add(p + "base-url", () -> xprotect.baseUrl().toString());
        registry.add(p + "username", () -> "svc-cctv");
        registry.add(p + "password", () -> "xp-secret");
        registry.add(p + "agency", () -> "DUBAI_POLICE");
        registry.add(p + "bridge-rtsp", () -> "rtsp://127.0.0.1:9554");
        registry.add(p + "bridge-onvif", bridge::deviceService);
        registry.add(p + "bridge-username", () -> "onb-user");
        registry.add(p + "bridge-password", () -> "onb-pass");
        registry.add(p + "sync-interval", () -> "PT1H");
    }

    @BeforeAll
    static void inventories() {
        POLICE.put(new FakeXProtect.XpCamera(GATE, "Replay Gate", false, true));
        POLICE.put(new FakeXProtect.XpCamera(TUNNEL, "Replay Tunnel", false, true));
        TRANSPORT.put(new FakeXProtect.XpCamera(DEPOT, "Replay Depot", false, true));
        POLICE_BRIDGE.replayAt("rtsp://127.0.0.1:9554/vod/");
        POLICE_BRIDGE.addRecording(GATE); // the bridge holds no recording of the tunnel camera
    }

    @AfterAll
    static void stop() {
        POLICE.close();
        TRANSPORT.close();
        POLICE_BRIDGE.close();
        TRANSPORT_BRIDGE.close();
    }

    private Map<String, String> auth() {
        String token = new ServiceCredentials("playback", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token);
    }

    private String cameraId(String server, String name) {
        new ServiceHttp(port).send("POST", "/internal/milestone/" + server + "/sync", null, auth());
        for (JsonNode c : JSON.readTree(new ServiceHttp(port).get("/internal/cameras", auth()).body()).get("items")) {
            if (c.get("name").asString().equals(name)) {
                return c.get("id").asString();
            }
        }
        throw new AssertionError("no camera " + name + " after the sync");
    }

    private ServiceHttp.Response replay(String camera, String query) {
        return new ServiceHttp(port).get("/internal/cameras/" + camera + "/replay?" + query, auth());
    }

    @Test
    void theBridgeSaysWhereTheRecordingReplaysFromAndTheAnswerCarriesItsLoginClockRangeAndRequire() {
        String gate = cameraId("police-replay", "Replay Gate");
        ServiceHttp.Response r = replay(gate, "start=2026-01-10T08:00:00Z&end=2026-01-10T08:01:00Z");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("url").asString()).isEqualTo("rtsp://onb-user:onb-pass@127.0.0.1:9554/vod/" + GATE);
        assertThat(body.get("range").asString()).isEqualTo("clock=20260110T080000Z-20260110T080100Z");
        assertThat(body.get("require").asString()).isEqualTo("onvif-replay");
        assertThat(POLICE_BRIDGE.operations()).as("asked with a login the bridge accepted, its clock 7 minutes off")
                .contains("GetReplayUri " + GATE);
    }

    @Test
    void aRecordingTheBridgeRefusesIsABadGatewayWithItsReason() {
        String tunnel = cameraId("police-replay", "Replay Tunnel");
        ServiceHttp.Response r = replay(tunnel, "start=2026-01-10T08:00:00Z&end=2026-01-10T08:01:00Z");
        assertThat(r.status()).as(r.body()).isEqualTo(502);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("no recording " + TUNNEL).contains("police-replay");
    }

    @Test
    void aBridgeWithoutReplayIsAConflictAndBadRangesAreRefused() {
        String depot = cameraId("transport-replay", "Replay Depot");
        ServiceHttp.Response none = replay(depot, "start=2026-01-10T08:00:00Z&end=2026-01-10T08:01:00Z");
        assertThat(none.status()).as(none.body()).isEqualTo(409);
        assertThat(none.body()).contains("Replay service");
        assertThat(TRANSPORT_BRIDGE.operations()).noneMatch(o -> o.startsWith("GetReplayUri"));

        assertThat(replay(depot, "end=2026-01-10T08:01:00Z").status()).isEqualTo(400);
        assertThat(replay(depot, "start=2026-01-10T08:01:00Z&end=2026-01-10T08:00:00Z").status()).isEqualTo(400);
        assertThat(replay(depot, "start=yesterday&end=2026-01-10T08:00:00Z").status()).isEqualTo(400);
    }
}
