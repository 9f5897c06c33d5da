package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Regression: repeated probes for another agency's cameras answered 404 and left no trace in the audit trail. */
final class CrossAgencyProbeAuditTest {

    private final ApiSystem system = ApiSystem.get();

    @Test
    void probesForAnotherAgencysCameraAre404AndAuditedUpToTheRateLimit() {
        system.createUser("curious.viewer", "curious-viewer-password", "VIEWER", "TAXI");
        String curious = ApiSystem.json(system.login("curious.viewer", "curious-viewer-password")).get("accessToken").asString();
        String metroCamera = null;
        for (JsonNode c : ApiSystem.json(system.get("/api/v1/cameras", system.token("admin"))).get("items")) {
            if (c.get("agency").asString().equals("METRO")) {
                metroCamera = c.get("id").asString();
            }
        }
        assertThat(metroCamera).isNotNull();
        for (int i = 0; i < 15; i++) {
            assertThat(system.get("/api/v1/cameras/" + metroCamera, curious).status()).isEqualTo(404);
        }
        assertThat(system.get("/api/v1/cameras/00000000-0000-4000-8000-000000000000", curious).status())
                .as("an id that does not exist reads the same").isEqualTo(404);

        JsonNode audit = ApiSystem.json(system.get(
                "/api/v1/audit?actor=curious.viewer&action=ACCESS_DENIED&size=100", system.token("auditor")));
        assertThat(audit.get("total").asLong()).as("at most 10 rows per caller per 10 minutes").isEqualTo(10);
        JsonNode row = audit.get("items").get(0);
        assertThat(row.get("target").asString()).isEqualTo(metroCamera);
        assertThat(row.get("outcome").asString()).isEqualTo("DENIED");
        assertThat(row.get("sourceIp").asString()).isEqualTo("127.0.0.1");
    }
}
