package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

final class CameraGroupsTest {

    private final ApiSystem system = ApiSystem.get();

    private List<String> camerasOf(String agency, String token) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : ApiSystem.json(system.get("/api/v1/cameras?agency=" + agency, token)).get("items")) {
            ids.add(c.get("id").asString());
        }
        return ids;
    }

    @Test
    void groupsArePerAgencyHoldOnlyItsCamerasAndFilterTheCameraList() {
        String admin = system.token("admin");
        Response created = system.call("POST", "/api/v1/camera-groups", admin,
                "{\"agency\":\"DUBAI_POLICE\",\"name\":\"Interchanges\",\"nameAr\":\"التقاطعات\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = ApiSystem.json(created).get("id").asString();
        assertThat(system.call("POST", "/api/v1/camera-groups", admin,
                "{\"agency\":\"DUBAI_POLICE\",\"name\":\"Interchanges\"}").status()).isEqualTo(409);

        List<String> police = camerasOf("DUBAI_POLICE", admin);
        Response set = system.call("PUT", "/api/v1/camera-groups/" + id + "/cameras", admin,
                ApiSystem.JSON.writeValueAsString(Map.of("cameraIds", police.subList(0, 2))));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Response foreign = system.call("PUT", "/api/v1/camera-groups/" + id + "/cameras", admin,
                ApiSystem.JSON.writeValueAsString(Map.of("cameraIds", camerasOf("METRO", admin).subList(0, 1))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(ApiSystem.json(foreign).get("detail").asString()).contains("METRO");

        String operator = system.token("police.operator");
        assertThat(ApiSystem.json(system.get("/api/v1/camera-groups", operator)).toString()).contains(id).contains("التقاطعات");
        assertThat(ApiSystem.json(system.get("/api/v1/cameras?group=" + id, operator)).get("total").asInt()).isEqualTo(2);
        String viewer = system.token("metro.viewer");
        assertThat(ApiSystem.json(system.get("/api/v1/camera-groups", viewer)).toString()).doesNotContain(id);
        assertThat(system.get("/api/v1/cameras?group=" + id, viewer).status()).isEqualTo(404);
        assertThat(system.call("DELETE", "/api/v1/camera-groups/" + id, operator, null).status()).isEqualTo(403);

        assertThat(system.call("DELETE", "/api/v1/camera-groups/" + id, admin, null).status()).isEqualTo(204);
        assertThat(system.get("/api/v1/cameras?group=" + id, admin).status()).isEqualTo(404);
        assertThat(ApiSystem.json(system.get("/api/v1/audit?action=CAMERA_CHANGE&target=" + id, admin)).get("total").asLong())
                .isEqualTo(3);
    }

    @Test
    void anAdministratorAddsAnAgency() {
        String admin = system.token("admin");
        Response added = system.call("POST", "/api/v1/agencies", admin, "{\"code\":\"RTA_BUS\",\"name\":\"RTA Buses\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(ApiSystem.json(system.get("/api/v1/agencies", admin)).toString()).contains("RTA_BUS");
        assertThat(ApiSystem.json(system.get("/api/v1/agencies", system.token("metro.viewer"))).get("items").toString())
                .isEqualTo("[\"METRO\"]");
        assertThat(system.call("POST", "/api/v1/agencies", admin, "{\"code\":\"RTA_BUS\",\"name\":\"again\"}").status())
                .isEqualTo(409);
        assertThat(system.call("POST", "/api/v1/agencies", admin, "{\"code\":\"bad code\",\"name\":\"x\"}").status())
                .isEqualTo(400);
    }
}
