package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ClientAddressFilter;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.TestEngines;
import java.time.Clock;
import java.util.Map;
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

    /** Regression: five failures by anyone used to lock a known user name for everyone. */
    @Test
    void aStrangersFailuresDoNotLockTheUserOutElsewhere() {
        system.createUser("targeted.operator", "operator-password", "VIEWER", "TAXI");
        String stranger = "203.0.113.7";
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom(stranger, "targeted.operator", "guess-" + i).status()).isEqualTo(401);
        }
        assertThat(loginFrom(stranger, "targeted.operator", "operator-password").status())
                .as("the guessing address is locked for this user").isEqualTo(429);
        assertThat(loginFrom("198.51.100.20", "targeted.operator", "operator-password").status())
                .as("the user signs in from an address that has not failed").isEqualTo(200);
        assertThat(system.login("targeted.operator", "operator-password").status()).isEqualTo(200);
    }

    /** Regression: X-Forwarded-For was believed from any caller on loopback, so anyone local could pick an address. */
    @Test
    void forwardedForIsBelievedOnlyFromTheDashboardProxy() {
        system.createUser("spoofing.check", "spoofing-password", "VIEWER", "TAXI");
        Map<String, String> spoofed = Map.of("Content-Type", "application/json", "X-Forwarded-For", "192.0.2.99");
        system.http.send("POST", "/api/v1/auth/login", body("spoofing.check", "wrong"), spoofed);
        loginFrom("192.0.2.55", "spoofing.check", "wrong");
        JsonNode audit = ApiSystem.json(system.get("/api/v1/audit?actor=spoofing.check&action=LOGIN_FAILED", system.token("auditor")));
        assertThat(audit.get("items").findValuesAsString("sourceIp")).containsExactly("192.0.2.55", "127.0.0.1");
    }

    /** A sign-in forwarded by the dashboard server (its service credential) for a client at {@code address}. */
    private Response loginFrom(String address, String username, String password) {
        ServiceCredentials dashboard = new ServiceCredentials("dashboard", TestEngines.SERVICE_SECRET, Clock.systemUTC());
        return system.http.send("POST", "/api/v1/auth/login", body(username, password), Map.of(
                "Content-Type", "application/json", "X-Forwarded-For", address,
                ClientAddressFilter.PROXY_CREDENTIAL, dashboard.token()));
    }

    private static String body(String username, String password) {
        return ApiSystem.JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    @Test
    void successfulSignInsDoNotCountAsFailures() {
        system.createUser("frequent.user", "frequent-password", "VIEWER", "TAXI");
        for (int i = 0; i < 8; i++) {
            assertThat(system.login("frequent.user", "frequent-password").status()).isEqualTo(200);
        }
    }
}
