package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-user and per-agency request limits, on an api instance of its own with limits low enough to reach. */
final class RequestRateLimitTest {

    private static ApiSystem system;

    @BeforeAll
    static void start() {
        system = ApiSystem.withSettings(Map.of(
                "cctv.api.rate-limit.user-per-second", "1", "cctv.api.rate-limit.user-burst", "10",
                "cctv.api.rate-limit.agency-per-second", "1", "cctv.api.rate-limit.agency-burst", "25"));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aUserBeyondTheirBurstGets429WithRetryAfterAndTheAgencyLimitHoldsAcrossItsUsers() {
        String first = system.token("police.operator");
        int granted = 0;
        Response refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            Response r = system.get("/api/v1/me", first);
            if (r.status() == 200) {
                granted++;
            } else {
                refused = r;
            }
        }
        assertThat(granted).isBetween(10, 11);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("this user");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);

        // Two more police users share the agency's 25: the third user is cut off by the agency, not by their own limit.
        system.createUser("police.two", "police-two-password", "VIEWER", "DUBAI_POLICE");
        system.createUser("police.three", "police-three-password", "VIEWER", "DUBAI_POLICE");
        String second = ApiSystem.json(system.login("police.two", "police-two-password")).get("accessToken").asString();
        String third = ApiSystem.json(system.login("police.three", "police-three-password")).get("accessToken").asString();
        int agencyGranted = 0;
        for (int i = 0; i < 10; i++) {
            agencyGranted += system.get("/api/v1/me", second).status() == 200 ? 1 : 0;
        }
        Response agencyFull = null;
        for (int i = 0; i < 10 && agencyFull == null; i++) {
            Response r = system.get("/api/v1/me", third);
            if (r.status() == 429) {
                agencyFull = r;
            } else {
                agencyGranted++;
            }
        }
        assertThat(agencyFull).isNotNull();
        assertThat(agencyFull.body()).contains("this agency");
        assertThat(granted + agencyGranted).isBetween(25, 28);
        assertThat(system.get("/api/v1/me", system.token("metro.viewer")).status())
                .as("another agency is not affected").isEqualTo(200);
    }
}
