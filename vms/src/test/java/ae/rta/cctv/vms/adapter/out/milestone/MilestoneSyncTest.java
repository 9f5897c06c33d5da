package ae.rta.cctv.vms.adapter.out.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Inventory sync of a configured XProtect server against the fake: additions, renames, PTZ changes, removals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,vms", "spring.application.name=vms",
                "cctv.vms.simulator-dir=${java.io.tmpdir}/cctv-milestone-test-clips"})
final class MilestoneSyncTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FakeXProtect XPROTECT = new FakeXProtect("svc-cctv", "xp-secret", 3600);
    private static final String GATE = "11111111-1111-4111-8111-111111111111";
    private static final String DOME = "22222222-2222-4222-8222-222222222222";
    private static final String LOBBY = "33333333-3333-4333-8333-333333333333";
    private static final String YARD = "44444444-4444-4444-8444-444444444444";

    static {
        XPROTECT.put(new FakeXProtect.XpCamera(GATE, "Police HQ Gate", false, true));
        XPROTECT.put(new FakeXProtect.XpCamera(DOME, "Police HQ Dome", true, true));
        XPROTECT.put(new FakeXProtect.XpCamera(LOBBY, "Police HQ Lobby", false, true));
        XPROTECT.put(new FakeXProtect.XpCamera("55555555-5555-4555-8555-555555555555", "Decommissioned", false, false));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
        registry.add("cctv.vms.milestone[0].id", () -> "police-xp");
        registry.add("cctv.vms.milestone[0].base-url", () -> XPROTECT.baseUrl().toString());
        registry.add("cctv.vms.milestone[0].username", () -> "svc-cctv");
        registry.add("cctv.vms.milestone[0].password", () -> "xp-secret");
        registry.add("cctv.vms.milestone[0].agency", () -> "DUBAI_POLICE");
        registry.add("cctv.vms.milestone[0].bridge-rtsp", () -> "rtsp://127.0.0.1:9554");
        registry.add("cctv.vms.milestone[0].bridge-username", () -> "onb-user");
        registry.add("cctv.vms.milestone[0].bridge-password", () -> "onb-pass");
        registry.add("cctv.vms.milestone[0].sync-interval", () -> "PT1H");
    }

    @AfterAll
    static void stop() {
        XPROTECT.close();
    }

    private Map<String, String> auth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private JsonNode sync() {
        ServiceHttp.Response r = new ServiceHttp(port).send("POST", "/internal/milestone/police-xp/sync", null, auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private Map<String, JsonNode> milestoneCameras() {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode c : JSON.readTree(new ServiceHttp(port).get("/internal/cameras", auth()).body()).get("items")) {
            if (c.get("source").get("type").asString().equals("milestone")) {
                byName.put(c.get("name").asString(), c);
            }
        }
        return byName;
    }

    @Test
    void syncImportsTheInventoryThenFollowsItsChanges() {
        JsonNode first = sync();
        assertThat(first.get("error").isNull()).as(first.toString()).isTrue();
        assertThat(first.get("seen").asInt()).isEqualTo(4);
        Map<String, JsonNode> cameras = milestoneCameras();
        assertThat(cameras).containsOnlyKeys("Police HQ Gate", "Police HQ Dome", "Police HQ Lobby");
        assertThat(cameras.get("Police HQ Dome").get("ptz").asBoolean()).isTrue();
        assertThat(cameras.get("Police HQ Gate").get("ptz").asBoolean()).isFalse();
        assertThat(cameras.get("Police HQ Gate").get("agency").asString()).isEqualTo("DUBAI_POLICE");

        String gateId = cameras.get("Police HQ Gate").get("id").asString();
        JsonNode stream = JSON.readTree(new ServiceHttp(port).get("/internal/cameras/" + gateId + "/stream", auth()).body());
        assertThat(stream.get("url").asString()).isEqualTo("rtsp://onb-user:onb-pass@127.0.0.1:9554/live/" + GATE);

        XPROTECT.put(new FakeXProtect.XpCamera(GATE, "Police HQ Main Gate", true, true));
        XPROTECT.remove(LOBBY);
        XPROTECT.put(new FakeXProtect.XpCamera(YARD, "Police HQ Yard", false, true));
        JsonNode second = sync();
        assertThat(List.of(second.get("added").asInt(), second.get("updated").asInt(), second.get("removed").asInt(),
                second.get("unchanged").asInt())).containsExactly(1, 1, 1, 1);
        Map<String, JsonNode> after = milestoneCameras();
        assertThat(after.get("Police HQ Main Gate").get("id").asString()).as("same camera, new name").isEqualTo(gateId);
        assertThat(after.get("Police HQ Main Gate").get("ptz").asBoolean()).isTrue();
        assertThat(after).containsKey("Police HQ Yard").containsKey("Police HQ Lobby");

        JsonNode third = sync();
        assertThat(third.get("removed").asInt()).as("a removed camera is reported once").isZero();
        JsonNode reports = JSON.readTree(new ServiceHttp(port).get("/internal/milestone/sync-reports?limit=3", auth()).body());
        assertThat(reports.get("items")).hasSize(3);
    }

    @Test
    void aFailingServerLeavesAReportWithTheReason() {
        XPROTECT.failNext(50, 500);
        try {
            JsonNode report = sync();
            assertThat(report.get("error").asString()).contains("HTTP 500");
        } finally {
            XPROTECT.failNext(0, 500);
        }
        ServiceHttp.Response unknown = new ServiceHttp(port).send("POST", "/internal/milestone/nope/sync", null, auth());
        assertThat(unknown.status()).isEqualTo(404);
    }
}
