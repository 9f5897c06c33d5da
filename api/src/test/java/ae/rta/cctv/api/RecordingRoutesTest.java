package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

final class RecordingRoutesTest {

    private final ApiSystem system = ApiSystem.get();

    private String metroCamera(String token) {
        return ApiSystem.json(system.get("/api/v1/cameras?agency=METRO", token)).get("items").get(0).get("id").asString();
    }

    @Test
    void anAdministratorSetsAScheduleAndRetentionAndEveryoneWhoWatchesReadsThem() {
        String admin = system.token("admin");
        String camera = metroCamera(admin);
        Response set = system.call("PUT", "/api/v1/cameras/" + camera + "/recording", admin,
                "{\"mode\":\"SCHEDULED\",\"windows\":[{\"days\":[\"SUN\",\"MON\"],\"from\":\"22:00\",\"to\":\"06:00\"}],"
                        + "\"timeZone\":\"Asia/Dubai\",\"retentionDays\":14}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode viewed = ApiSystem.json(system.get("/api/v1/cameras/" + camera + "/recording", system.token("metro.viewer")));
        assertThat(viewed.get("mode").asString()).isEqualTo("SCHEDULED");
        assertThat(viewed.get("retentionDays").asInt()).isEqualTo(14);
        assertThat(viewed.get("windows").get(0).get("from").asString()).isEqualTo("22:00");

        JsonNode recordings = ApiSystem.json(system.get("/api/v1/cameras/" + camera
                + "/recordings?start=2026-11-24T00:00:00Z&end=2026-11-24T01:00:00Z", admin));
        assertThat(recordings.get("coverage").asDouble()).isZero();
        assertThat(recordings.get("ranges")).isEmpty();
        assertThat(ApiSystem.json(system.get("/api/v1/audit?action=RECORDING_CHANGE&target=" + camera, admin)).get("total")
                .asLong()).isEqualTo(1);
    }

    @Test
    void badSchedulesAndForeignCamerasAreRefused() {
        String admin = system.token("admin");
        String camera = metroCamera(admin);
        for (String bad : new String[] {"{\"mode\":\"SOMETIMES\"}", "{\"mode\":\"SCHEDULED\"}", "{\"mode\":\"OFF\",\"retentionDays\":0}",
                "{\"mode\":\"SCHEDULED\",\"windows\":[{\"days\":[\"XYZ\"],\"from\":\"08:00\",\"to\":\"09:00\"}]}",
                "{\"mode\":\"OFF\",\"timeZone\":\"Mars/Olympus\"}"}) {
            Response r = system.call("PUT", "/api/v1/cameras/" + camera + "/recording", admin, bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
        }
        assertThat(system.call("PUT", "/api/v1/cameras/" + camera + "/recording", system.token("metro.viewer"),
                "{\"mode\":\"OFF\"}").status()).isEqualTo(403);
        assertThat(system.get("/api/v1/cameras/" + camera + "/recording", system.token("police.operator")).status()).isEqualTo(404);
        assertThat(system.get("/api/v1/cameras/" + camera + "/recordings?start=2026-11-24T02:00:00Z&end=2026-11-24T01:00:00Z",
                admin).status()).isEqualTo(400);
    }
}
