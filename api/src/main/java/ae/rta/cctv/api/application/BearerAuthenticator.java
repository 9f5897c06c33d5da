package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.ExternalIdentityProvider;
import ae.rta.cctv.api.domain.Caller;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Optional;

/** Turns a bearer token into a caller: the api service's own tokens, or the external provider's when configured. */
public final class BearerAuthenticator {

    private static final int MAX_TOKEN_LENGTH = 8192;

    private final AccessTokens own;
    private final Optional<ExternalIdentityProvider> external;

    public BearerAuthenticator(AccessTokens own, Optional<ExternalIdentityProvider> external) {
        this.own = own;
        this.external = external;
    }

    /** The caller the token proves, or empty for anything else (malformed, forged, expired, revoked, foreign). */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String issuer;
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
        if (own.issuer().equals(issuer)) {
            return own.verify(jwt);
        }
        return external.filter(p -> p.issuer().equals(issuer)).flatMap(p -> p.verify(token));
    }
}
