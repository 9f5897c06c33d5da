package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The figures behind the dashboard's analytics and monitoring pages: quota history and system figures. */
final class DashboardFiguresRoutesTest {

    private static final ApiSystem system = ApiSystem.get();

    private static List<String> agencies(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("agency").asString()));
        return out;
    }

    @Test
    void quotaHistoryHasAMinuteSampleOfEachAgencyAndOperatorsSeeTheirOwnOnly() {
        String admin = system.token("admin");
        // An agency is sampled once it has a limit of its own or a stream: set each to the limit it has.
        for (JsonNode q : ApiSystem.json(system.get("/api/v1/quotas", admin)).get("items")) {
            Response set = system.call("PUT", "/api/v1/quotas/" + q.get("agency").asString(), admin,
                    "{\"limit\":" + q.get("limit").asInt() + "}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
        }
        JsonNode all = await().atMost(Duration.ofSeconds(20)).until(
                () -> ApiSystem.json(system.get("/api/v1/quotas/history?hours=24", admin)),
                h -> agencies(h.get("items")).containsAll(List.of("DUBAI_POLICE", "TAXI")));
        assertThat(all.get("stepSeconds").asInt()).isEqualTo(60);
        Instant from = Instant.parse(all.get("from").asString());
        Instant to = Instant.parse(all.get("to").asString());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(24));
        for (JsonNode agency : all.get("items")) {
            for (JsonNode s : agency.get("samples")) {
                Instant time = Instant.parse(s.get("time").asString());
                assertThat(time).isBetween(from, to);
                assertThat(time.getEpochSecond() % 60).isZero();
                assertThat(s.get("limit").asInt()).isNotNegative();
                assertThat(s.get("active").asInt()).isNotNegative();
            }
        }

        JsonNode police = ApiSystem.json(system.get("/api/v1/quotas/history", system.token("police.operator")));
        assertThat(agencies(police.get("items"))).containsOnly("DUBAI_POLICE");

        for (String bad : List.of("0", "49", "x")) {
            Response r = system.get("/api/v1/quotas/history?hours=" + bad, admin);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(system.get("/api/v1/quotas/history", system.token("auditor")).status()).isEqualTo(403);
    }

    @Test
    void monitoringCountsCamerasPerAgencyAndReadsRecordingAndStorageFigures() {
        String admin = system.token("admin");
        int cameras = ApiSystem.json(system.get("/api/v1/cameras?size=500", admin)).get("total").asInt();
        Response r = system.get("/api/v1/monitoring", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = ApiSystem.json(r);
        int counted = 0;
        for (JsonNode a : body.get("cameras")) {
            counted += a.get("online").asInt() + a.get("offline").asInt() + a.get("unknown").asInt();
        }
        assertThat(counted).isEqualTo(cameras);
        assertThat(body.get("recording").get("available").asBoolean()).isTrue();
        assertThat(body.get("recording").has("backlogSegments")).isTrue();
        assertThat(body.get("recording").has("camerasRecording")).isTrue();
        assertThat(body.get("storage").get("available").asBoolean()).isTrue();
        assertThat(body.get("storage").get("bytes").asLong()).isNotNegative();

        JsonNode police = ApiSystem.json(system.get("/api/v1/monitoring", system.token("police.operator")));
        assertThat(agencies(police.get("cameras"))).containsOnly("DUBAI_POLICE");
        assertThat(system.get("/api/v1/monitoring", system.token("metro.viewer")).status()).isEqualTo(403);
    }
}
