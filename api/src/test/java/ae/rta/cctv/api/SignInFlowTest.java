package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

final class SignInFlowTest {

    private final ApiSystem system = ApiSystem.get();

    @Test
    void demoUserSignsInAndSeesWhoTheyAre() {
        Response login = system.login("police.operator", ApiSystem.DEMO_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        JsonNode tokens = ApiSystem.json(login);
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(300);
        assertThat(tokens.get("refreshToken").asString()).hasSize(43);

        JsonNode me = ApiSystem.json(system.get("/api/v1/me", tokens.get("accessToken").asString()));
        assertThat(me.get("username").asString()).isEqualTo("police.operator");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("OPERATOR");
        assertThat(me.get("agency").asString()).isEqualTo("DUBAI_POLICE");
    }

    @Test
    void wrongPasswordUnknownUserAndMissingTokenAreUnauthorized() {
        Response wrong = system.login("metro.viewer", "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        Response unknown = system.login("nobody.here", "whatever-password");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(ApiSystem.json(unknown).get("detail").asString())
                .isEqualTo(ApiSystem.json(wrong).get("detail").asString());

        Response anonymous = system.get("/api/v1/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(system.get("/api/v1/me", "not.a.jwt").status()).isEqualTo(401);
    }

    @Test
    void aForgedOrAlteredTokenIsRefused() throws Exception {
        String token = system.token("metro.viewer");
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String promoted = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"VIEWER\"", "\"ADMIN\"").getBytes());
        assertThat(system.get("/api/v1/me", parts[0] + "." + promoted + "." + parts[2]).status()).isEqualTo(401);
        assertThat(system.get("/api/v1/me", parts[0] + "." + parts[1] + ".").status()).isEqualTo(401);
        // alg "none" with the same claims
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertThat(system.get("/api/v1/me", none + "." + parts[1] + ".").status()).isEqualTo(401);
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNotBlank();
    }

    @Test
    void refreshRotatesAndReusingARotatedTokenRevokesItsSuccessor() {
        JsonNode first = ApiSystem.json(system.login("metro.viewer", ApiSystem.DEMO_PASSWORD));
        String firstRefresh = first.get("refreshToken").asString();

        Response refreshed = refresh(firstRefresh);
        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode second = ApiSystem.json(refreshed);
        String secondRefresh = second.get("refreshToken").asString();
        String secondAccess = second.get("accessToken").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(system.get("/api/v1/me", secondAccess).status()).isEqualTo(200);

        Response reuse = refresh(firstRefresh);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(ApiSystem.json(reuse).get("detail").asString()).contains("already used");

        assertThat(refresh(secondRefresh).status()).as("the successor is revoked with its family").isEqualTo(401);
        assertThat(system.get("/api/v1/me", secondAccess).status()).as("and so are its access tokens").isEqualTo(401);
        assertThat(system.get("/api/v1/me", first.get("accessToken").asString()).status()).isEqualTo(401);

        JsonNode audit = ApiSystem.json(system.get("/api/v1/audit?action=TOKEN_REUSE&actor=metro.viewer", system.token("auditor")));
        assertThat(audit.get("total").asLong()).isPositive();
    }

    @Test
    void logoutEndsTheSignIn() {
        JsonNode tokens = ApiSystem.json(system.login("metro.viewer", ApiSystem.DEMO_PASSWORD));
        String access = tokens.get("accessToken").asString();
        assertThat(system.call("POST", "/api/v1/auth/logout", access, null).status()).isEqualTo(204);
        assertThat(system.get("/api/v1/me", access).status()).isEqualTo(401);
        assertThat(refresh(tokens.get("refreshToken").asString()).status()).isEqualTo(401);
    }

    @Test
    void disablingAUserEndsTheirSessionsAndResettingThePasswordWorks() {
        String id = system.createUser("shift.viewer", "first-password-123", "VIEWER", "METRO");
        String access = ApiSystem.json(system.login("shift.viewer", "first-password-123")).get("accessToken").asString();
        assertThat(system.get("/api/v1/me", access).status()).isEqualTo(200);

        String admin = system.token("admin");
        Response disabled = system.call("PATCH", "/api/v1/users/" + id, admin, "{\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(system.get("/api/v1/me", access).status()).isEqualTo(401);
        assertThat(system.login("shift.viewer", "first-password-123").status()).isEqualTo(401);

        system.call("PATCH", "/api/v1/users/" + id, admin, "{\"enabled\":true}");
        assertThat(system.call("POST", "/api/v1/users/" + id + "/password", admin, "{\"password\":\"second-password-456\"}")
                .status()).isEqualTo(204);
        assertThat(system.login("shift.viewer", "first-password-123").status()).isEqualTo(401);
        assertThat(system.login("shift.viewer", "second-password-456").status()).isEqualTo(200);

        Response promoted = system.call("PATCH", "/api/v1/users/" + id, admin, "{\"role\":\"OPERATOR\",\"agency\":\"TAXI\"}");
        assertThat(ApiSystem.json(promoted).get("role").asString()).isEqualTo("OPERATOR");
        JsonNode rows = ApiSystem.json(system.get("/api/v1/audit?action=USER_CHANGE&target=shift.viewer", admin));
        assertThat(rows.get("total").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void keyRotationKeepsOldTokensValidAndPublishesBothKeys() throws Exception {
        String before = system.token("metro.viewer");
        String admin = system.token("admin");
        Response rotated = system.call("POST", "/api/v1/auth/keys/rotate", admin, null);
        assertThat(rotated.status()).isEqualTo(200);
        String after = system.token("metro.viewer");

        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(ApiSystem.json(rotated).get("signingKeyId").asString());
        assertThat(system.get("/api/v1/me", before).status()).isEqualTo(200);
        assertThat(system.get("/api/v1/me", after).status()).isEqualTo(200);
        String jwks = system.get("/api/v1/auth/jwks", null).body();
        assertThat(jwks).contains(oldKid, newKid).doesNotContain("\"d\"");
    }

    @Test
    void tokensOfTheConfiguredIdentityProviderAreAccepted() {
        String token = system.oidc.token("u-4711", Map.of("preferred_username", "iam.metro.op",
                "roles", java.util.List.of("offline_access", "cctv-operators"), "agency", "METRO"));
        Response me = system.get("/api/v1/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        JsonNode body = ApiSystem.json(me);
        assertThat(body.get("username").asString()).isEqualTo("iam.metro.op");
        assertThat(body.get("roles").get(0).asString()).isEqualTo("OPERATOR");
        assertThat(body.get("agency").asString()).isEqualTo("METRO");

        String noRole = system.oidc.token("u-4712", Map.of("roles", java.util.List.of("offline_access"), "agency", "METRO"));
        assertThat(system.get("/api/v1/me", noRole).status()).isEqualTo(401);
        String wrongAudience = OidcFixture.token(OidcFixture.ISSUER, "u-1", "someone-else", java.time.Duration.ofMinutes(5),
                Map.of("roles", "ADMIN", "agency", "METRO"), system.oidc.key());
        assertThat(system.get("/api/v1/me", wrongAudience).status()).isEqualTo(401);
        String expired = OidcFixture.token(OidcFixture.ISSUER, "u-1", OidcFixture.AUDIENCE, java.time.Duration.ofMinutes(-5),
                Map.of("roles", "ADMIN", "agency", "METRO"), system.oidc.key());
        assertThat(system.get("/api/v1/me", expired).status()).isEqualTo(401);
    }

    private Response refresh(String refreshToken) {
        return system.call("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
    }
}
