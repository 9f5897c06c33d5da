package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.SessionStore;
import ae.rta.cctv.api.application.port.out.SessionStore.SessionState;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.api.domain.User;
import ae.rta.cctv.common.domain.AgencyCode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks the api service's own access tokens: ES256 JWTs, short-lived, naming the user, role, agency
 * and sign-in. A token is honoured only while its sign-in is live and its user unchanged; that state is read from
 * the database at most once per {@code sessionCheckInterval} per sign-in, and kept through a database blip.
 */
public final class AccessTokens {

    public static final String AUDIENCE = "cctv-api";

    private final SigningKeyring keys;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;
    private final LoadingCache<UUID, Optional<SessionState>> sessionStates;

    /** A signed token and when it lapses. */
    public record Issued(String token, Instant expiresAt, long expiresInSeconds) {
    }

    public AccessTokens(SigningKeyring keys, SessionStore sessions, String issuer, Duration ttl,
            Duration sessionCheckInterval, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
        this.sessionStates = Caffeine.newBuilder()
                .maximumSize(100_000)
                .refreshAfterWrite(sessionCheckInterval)
                .expireAfterWrite(sessionCheckInterval.multipliedBy(12))
                .build(sessions::state);
    }

    public String issuer() {
        return issuer;
    }

    public Issued issue(User user, UUID session) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.id().toString())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", user.username())
                .claim("role", user.role().name())
                .claim("agency", user.agency().value())
                .claim("sid", session.toString())
                .claim("ver", user.tokenVersion())
                .build();
        ECKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), expires, ttl.toSeconds());
    }

    /** The caller of a token this service issued, when it is genuine, current and its sign-in is live. */
    Optional<Caller> verify(SignedJWT jwt) {
        try {
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<ECKey> key = keys.publicKey(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE) || expires == null
                    || !expires.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            UUID session = UUID.fromString(claims.getStringClaim("sid"));
            Integer version = claims.getIntegerClaim("ver");
            Optional<SessionState> state = sessionStates.get(session);
            if (state.isEmpty() || state.get().revoked() || !state.get().userEnabled() || version == null
                    || state.get().tokenVersion() != version) {
                return Optional.empty();
            }
            return Optional.of(new Caller(claims.getSubject(), claims.getStringClaim("preferred_username"),
                    Role.valueOf(claims.getStringClaim("role")), new AgencyCode(claims.getStringClaim("agency")),
                    Optional.of(session)));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Makes this instance see a revocation of {@code session} at once rather than at its next check. */
    public void forget(UUID session) {
        sessionStates.invalidate(session);
    }

    /** Makes this instance re-read every sign-in's state at its next use (after a user change). */
    public void forgetAll() {
        sessionStates.invalidateAll();
    }
}
