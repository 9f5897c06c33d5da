package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
final class CameraAdministrationTest {

    private static final String PASSWORD = "Cam-Pa55word-Never-Shown";

    private final ApiSystem system = ApiSystem.get();

    private long cameraRows() {
        return JdbcClient.create(system.vms.getBean(DataSource.class)).sql("SELECT count(*) FROM vms.camera")
                .query(Long.class).single();
    }

    @Test
    void anAdministratorAddsAndRemovesACameraAndItsPasswordNeverComesBack(CapturedOutput output) {
        String admin = system.token("admin");
        Response added = system.call("POST", "/api/v1/cameras", admin, ApiSystem.JSON.writeValueAsString(Map.of(
                "name", "Metro depot gate", "nameAr", "بوابة مستودع المترو", "agency", "METRO", "ptz", true,
                "source", Map.of("type", "rtsp", "url", "rtsp://127.0.0.1:9/depot", "subUrl", "rtsp://127.0.0.1:9/depot-sub",
                        "username", "viewer", "password", PASSWORD))));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode camera = ApiSystem.json(added);
        String id = camera.get("id").asString();
        assertThat(camera.get("agency").asString()).isEqualTo("METRO");
        assertThat(camera.get("source").get("type").asString()).isEqualTo("rtsp");
        assertThat(added.headers().firstValue("Location")).contains("/api/v1/cameras/" + id);

        String viewer = system.token("metro.viewer");
        assertThat(system.get("/api/v1/cameras/" + id, viewer).status()).isEqualTo(200);
        assertThat(system.get("/api/v1/cameras/" + id, system.token("police.operator")).status()).isEqualTo(404);
        assertThat(system.call("DELETE", "/api/v1/cameras/" + id, viewer, null).status()).isEqualTo(403);

        List<Response> everything = List.of(system.get("/api/v1/cameras", admin), system.get("/api/v1/cameras/" + id, admin),
                system.get("/api/v1/audit?action=CAMERA_CHANGE", admin), added);
        everything.forEach(r -> assertThat(r.body()).doesNotContain(PASSWORD).doesNotContain("viewer:"));

        assertThat(system.call("DELETE", "/api/v1/cameras/" + id, admin, null).status()).isEqualTo(204);
        assertThat(system.get("/api/v1/cameras/" + id, admin).status()).isEqualTo(404);
        JsonNode audit = ApiSystem.json(system.get("/api/v1/audit?action=CAMERA_CHANGE&target=" + id, admin));
        assertThat(audit.get("total").asLong()).isEqualTo(2);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void badCamerasGet400And404AndNothingIsWritten() {
        String admin = system.token("admin");
        long before = cameraRows();
        List<Map<String, Object>> bad = List.of(
                Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "http://10.1.1.1/a")),
                Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://169.254.169.254/a")),
                Map.of("name", "x", "agency", "NOPE", "source", Map.of("type", "rtsp", "url", "rtsp://10.1.1.1/a")),
                Map.of("name", "n".repeat(10_000), "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://10.1.1.1/a")),
                Map.of("name", "x", "agency", "METRO", "source", Map.of("type", "carrier-pigeon")));
        for (Map<String, Object> body : bad) {
            Response r = system.call("POST", "/api/v1/cameras", admin, ApiSystem.JSON.writeValueAsString(body));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(system.call("DELETE", "/api/v1/cameras/not-a-uuid", admin, null).status()).isEqualTo(400);
        assertThat(system.call("DELETE", "/api/v1/cameras/00000000-0000-0000-0000-000000000000", admin, null).status())
                .isEqualTo(404);
        assertThat(cameraRows()).isEqualTo(before);
    }
}
