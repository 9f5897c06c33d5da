package ae.rta.cctv.api.adapter.out.oidc;

import ae.rta.cctv.api.application.port.out.ExternalIdentityProvider;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.AgencyCode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts access tokens of the authority's OIDC provider (RTA IAM): the signature is checked against the provider's
 * JWKS (fetched, cached and re-fetched on an unknown key id by Nimbus), then issuer, audience and expiry, then the
 * configured claims are mapped to a role and an agency. A token whose claims name no known role or no valid agency
 * is refused, never given a default.
 */
public final class OidcIdentityProvider implements ExternalIdentityProvider {

    /**
     * How tokens of the provider are read.
     *
     * @param roleMapping the provider's role names (as they appear in the role claim) to ours; a role claim value
     *     equal to one of our role names maps to it without an entry
     */
    public record Settings(String issuer, URI jwksUri, String audience, String usernameClaim, String roleClaim,
            String agencyClaim, Map<String, Role> roleMapping) {
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final Settings settings;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public OidcIdentityProvider(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(settings.jwksUri().toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cctv.api.oidc.jwks-uri is not a URL: " + settings.jwksUri(), e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
                        JWSAlgorithm.ES256, JWSAlgorithm.ES384), keys));
        // Providers type their access tokens "JWT" or "at+jwt" (RFC 9068), or not at all.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        processor.setJWTClaimsSetVerifier((claims, context) -> checkClaims(claims));
    }

    @Override
    public String issuer() {
        return settings.issuer();
    }

    @Override
    public Optional<Caller> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String subject = claims.getSubject();
            String username = claims.getStringClaim(settings.usernameClaim());
            Optional<Role> role = role(claims.getClaim(settings.roleClaim()));
            String agency = claims.getStringClaim(settings.agencyClaim());
            if (subject == null || role.isEmpty() || agency == null) {
                return Optional.empty();
            }
            return Optional.of(new Caller("oidc:" + subject, username == null ? subject : username, role.get(),
                    new AgencyCode(agency.toUpperCase(Locale.ROOT)), Optional.empty()));
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void checkClaims(JWTClaimsSet claims) throws BadJWTException {
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw new BadJWTException("wrong issuer");
        }
        if (settings.audience() != null && !settings.audience().isBlank()
                && (claims.getAudience() == null || !claims.getAudience().contains(settings.audience()))) {
            throw new BadJWTException("wrong audience");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !expires.toInstant().plus(CLOCK_SKEW).isAfter(clock.instant())) {
            throw new BadJWTException("expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(clock.instant())) {
            throw new BadJWTException("not yet valid");
        }
    }

    /* The highest-privileged of the roles the claim names (a string or a list of strings) that maps to one of ours. */
    private Optional<Role> role(Object claim) {
        List<String> values = switch (claim) {
            case String s -> List.of(s);
            case Collection<?> c -> c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            case null, default -> List.of();
        };
        return values.stream().map(this::mapRole).flatMap(Optional::stream).min(Enum::compareTo);
    }

    private Optional<Role> mapRole(String external) {
        Role mapped = settings.roleMapping().get(external);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        for (Role role : Role.values()) {
            if (role.name().equals(external)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
