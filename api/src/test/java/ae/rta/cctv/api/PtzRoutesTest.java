package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PTZ through the api on the demo PTZ cameras: the lock, presets, refusals and the audit. */
final class PtzRoutesTest {

    private static final ApiSystem system = ApiSystem.get();
    private static String admin;
    private static String ptzCamera;
    private static String fixedCamera;
    private static String metroPtzCamera;

    @BeforeAll
    static void setUp() {
        admin = system.token("admin");
        for (JsonNode c : ApiSystem.json(system.get("/api/v1/cameras", admin)).get("items")) {
            String agency = c.get("agency").asString();
            if (agency.equals("DUBAI_POLICE") && c.get("ptz").asBoolean() && ptzCamera == null) {
                ptzCamera = c.get("id").asString();
            } else if (agency.equals("DUBAI_POLICE") && !c.get("ptz").asBoolean() && fixedCamera == null) {
                fixedCamera = c.get("id").asString();
            } else if (agency.equals("METRO") && c.get("ptz").asBoolean()) {
                metroPtzCamera = c.get("id").asString();
            }
        }
        system.createUser("police.second", "police-second-password", "OPERATOR", "DUBAI_POLICE");
    }

    private static Response ptz(String token, String camera, String json) {
        return system.call("POST", "/api/v1/cameras/" + camera + "/ptz", token, json);
    }

    @Test
    void oneUserSteersAtATimeAndAnAdministratorCanTakeOver() {
        String first = system.token("police.operator");
        String second = ApiSystem.json(system.login("police.second", "police-second-password")).get("accessToken").asString();

        Response moved = ptz(first, ptzCamera, "{\"action\":\"continuous\",\"pan\":0.5,\"tilt\":-0.2,\"zoom\":0,\"timeoutMs\":500}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(202);
        assertThat(ApiSystem.json(moved).get("lock").get("holder").asString()).isEqualTo("police.operator");
        assertThat(ptz(first, ptzCamera, "{\"action\":\"stop\"}").status()).isEqualTo(202);

        Response locked = ptz(second, ptzCamera, "{\"action\":\"home\"}");
        assertThat(locked.status()).isEqualTo(423);
        assertThat(ApiSystem.json(locked).get("holder").asString()).isEqualTo("police.operator");
        assertThat(ApiSystem.json(system.get("/api/v1/cameras/" + ptzCamera + "/ptz/lock", second)).get("holder").asString())
                .isEqualTo("police.operator");
        assertThat(ptz(second, ptzCamera, "{\"action\":\"home\",\"takeOver\":true}").status())
                .as("only an administrator may take over").isEqualTo(423);

        assertThat(ptz(admin, ptzCamera, "{\"action\":\"absolute\",\"pan\":0.1,\"tilt\":0.2,\"zoom\":0.3,\"takeOver\":true}")
                .status()).isEqualTo(202);
        assertThat(ptz(first, ptzCamera, "{\"action\":\"stop\"}").status()).isEqualTo(423);

        Response preset = system.call("POST", "/api/v1/cameras/" + ptzCamera + "/ptz/presets", admin, "{\"name\":\"Gate view\"}");
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        String token = ApiSystem.json(preset).get("token").asString();
        JsonNode presets = ApiSystem.json(system.get("/api/v1/cameras/" + ptzCamera + "/ptz/presets", first));
        assertThat(presets.get("items").toString()).contains(token).contains("Gate view");
        assertThat(ptz(admin, ptzCamera, "{\"action\":\"preset\",\"preset\":\"" + token + "\"}").status()).isEqualTo(202);
        assertThat(system.call("DELETE", "/api/v1/cameras/" + ptzCamera + "/ptz/presets/" + token, admin, null).status())
                .isEqualTo(204);
        assertThat(system.call("DELETE", "/api/v1/cameras/" + ptzCamera + "/ptz/lock", admin, null).status()).isEqualTo(204);
        assertThat(ptz(first, ptzCamera, "{\"action\":\"stop\"}").status()).as("free again after release").isEqualTo(202);
        Response notHolder = system.call("DELETE", "/api/v1/cameras/" + ptzCamera + "/ptz/lock", second, null);
        assertThat(notHolder.status()).as("a non-holder cannot release (was 204 doing nothing)").isEqualTo(409);
        assertThat(ApiSystem.json(notHolder).get("holder").asString()).isEqualTo("police.operator");
        assertThat(system.call("DELETE", "/api/v1/cameras/" + ptzCamera + "/ptz/lock", first, null).status()).isEqualTo(204);

        JsonNode releases = ApiSystem.json(system.get("/api/v1/audit?action=PTZ&target=" + ptzCamera, admin)).get("items");
        assertThat(releases.toString()).as("lock releases are audited, refused ones too").contains("release lock")
                .contains("holds this camera's PTZ lock");

        JsonNode audit = ApiSystem.json(system.get("/api/v1/audit?action=PTZ&target=" + ptzCamera, admin));
        assertThat(audit.get("total").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(audit.toString()).contains("DENIED").contains("police.second");
    }

    @Test
    void refusalsSayWhy() {
        String police = system.token("police.operator");
        assertThat(ptz(police, fixedCamera, "{\"action\":\"stop\"}").status()).as("no PTZ").isEqualTo(409);
        assertThat(ptz(police, metroPtzCamera, "{\"action\":\"stop\"}").status()).as("another agency's").isEqualTo(404);
        assertThat(ptz(system.token("metro.viewer"), metroPtzCamera, "{\"action\":\"stop\"}").status()).isEqualTo(403);
        for (String bad : new String[] {"{\"action\":\"dance\"}", "{\"action\":\"absolute\",\"pan\":0.1}",
                "{\"action\":\"continuous\",\"pan\":5}", "{\"action\":\"continuous\",\"timeoutMs\":999999}",
                "{\"action\":\"preset\",\"preset\":\"../../x\"}", "{}"}) {
            Response r = ptz(police, ptzCamera, bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
        }
        system.call("DELETE", "/api/v1/cameras/" + ptzCamera + "/ptz/lock", police, null);
    }
}
