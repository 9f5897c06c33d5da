package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.AuditTrail;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.application.SignInService;
import ae.rta.cctv.api.application.SignInService.TokenPair;
import ae.rta.cctv.api.application.SigningKeyring;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

    private final SignInService signIn;
    private final SigningKeyring keys;
    private final AuditTrail audit;

    AuthController(SignInService signIn, SigningKeyring keys, AuditTrail audit) {
        this.signIn = signIn;
        this.keys = keys;
        this.audit = audit;
    }

    record LoginRequest(String username, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn());
        }
    }

    @Operation(summary = "Sign in with a username and password",
            description = "401 on wrong credentials; 429 with Retry-After after repeated failures for one user or address.")
    @PostMapping("/api/v1/auth/login")
    TokenResponse login(@RequestBody LoginRequest body, RequestOrigin origin) {
        return TokenResponse.of(signIn.login(body.username(), body.password(), origin));
    }

    @Operation(summary = "Trade a refresh token for new tokens",
            description = "Each refresh token works once; presenting a used one revokes the whole sign-in.")
    @PostMapping("/api/v1/auth/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest body, RequestOrigin origin) {
        return TokenResponse.of(signIn.refresh(body.refreshToken(), origin));
    }

    @Operation(summary = "Sign out: the refresh token and every access token of this sign-in stop working")
    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Caller caller, RequestOrigin origin) {
        signIn.logout(caller, origin);
    }

    @Operation(summary = "The public keys that verify access tokens (JWKS)")
    @GetMapping(value = "/api/v1/auth/jwks", produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().header("Cache-Control", "public, max-age=60").body(keys.publicJwks().toJSONObject());
    }

    @Operation(summary = "Start signing with a new key now (ADMIN); the old key stays published until its tokens lapse")
    @PostMapping("/api/v1/auth/keys/rotate")
    Map<String, Object> rotate(Caller caller, RequestOrigin origin) {
        keys.rotate();
        String kid = keys.signingKey().getKeyID();
        audit.record(caller, AuditAction.KEY_ROTATION, kid, AuditOutcome.SUCCESS, null, origin);
        List<String> published = keys.publishedKeyIds();
        return Map.of("signingKeyId", kid, "publishedKeyIds", published);
    }
}
