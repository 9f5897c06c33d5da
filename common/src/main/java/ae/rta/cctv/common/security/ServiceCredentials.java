package ae.rta.cctv.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The credential one service shows another: a short-lived HS256 JWT with audience {@value #AUDIENCE}, signed with a
 * secret every service of one deployment shares. Tokens are cached and renewed a minute before they lapse.
 */
public final class ServiceCredentials {

    public static final String AUDIENCE = "cctv-internal";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final String service;
    private final byte[] secret;
    private final Clock clock;
    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;
    /* Tokens already verified, until they lapse: each service renews its token every few minutes, so a handful of
     * strings arrive again and again, and checking one is a parse and an HMAC each time. Bounded by clearing. */
    private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_VERIFIED = 256;

    private record Verified(String service, Instant expires) {
    }

    /** @throws IllegalArgumentException when the secret is shorter than 32 bytes */
    public ServiceCredentials(String service, String secret, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("cctv.security.service-secret (CCTV_SERVICE_SECRET) must be at least 32 bytes");
        }
        this.service = service;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A valid token naming this service, never null. */
    public String token() {
        Instant now = clock.instant();
        if (now.isAfter(renewAt)) {
            synchronized (this) {
                if (now.isAfter(renewAt)) {
                    token = sign(now);
                    renewAt = now.plus(LIFETIME).minus(RENEW_BEFORE);
                }
            }
        }
        return token;
    }

    private String sign(Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("cctv")
                .subject("service:" + service)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a service token", e);
        }
        return jwt.serialize();
    }

    /** The calling service's name when {@code token} is a valid, unexpired service token of this deployment. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        Verified known = verified.get(token);
        if (known != null && known.expires().isAfter(clock.instant())) {
            return Optional.of(known.service());
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            List<String> audience = claims.getAudience();
            String subject = claims.getSubject();
            if (expires == null || !expires.toInstant().isAfter(clock.instant()) || audience == null
                    || !audience.contains(AUDIENCE) || subject == null || !subject.startsWith("service:")) {
                return Optional.empty();
            }
            String caller = subject.substring("service:".length());
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(token, new Verified(caller, expires.toInstant()));
            return Optional.of(caller);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
