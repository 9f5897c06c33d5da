package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

final class LoginBruteForceTest {

    private final ApiSystem system = ApiSystem.get();

    @Test
    void fiveFailuresForOneUserWithinAMinuteMakeTheNextAttempt429AndAreAudited() {
        system.createUser("guessed.user", "the-right-password", "VIEWER", "TAXI");
        for (int i = 0; i < 5; i++) {
            assertThat(system.login("guessed.user", "guess-number-" + i).status()).isEqualTo(401);
        }
        Response locked = system.login("guessed.user", "the-right-password");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(ApiSystem.json(locked).get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);

        JsonNode audit = ApiSystem.json(system.get("/api/v1/audit?actor=guessed.user&action=LOGIN_FAILED", system.token("auditor")));
        assertThat(audit.get("total").asLong()).isEqualTo(6);
        JsonNode newest = audit.get("items").get(0);
        assertThat(newest.get("outcome").asString()).isEqualTo("DENIED");
        assertThat(newest.get("sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(newest.get("requestId").asString()).isNotBlank();

        assertThat(system.login("metro.viewer", ApiSystem.DEMO_PASSWORD).status())
                .as("other users are not locked out").isEqualTo(200);
    }

    @Test
    void successfulSignInsDoNotCountAsFailures() {
        system.createUser("frequent.user", "frequent-password", "VIEWER", "TAXI");
        for (int i = 0; i < 8; i++) {
            assertThat(system.login("frequent.user", "frequent-password").status()).isEqualTo(200);
        }
    }
}
