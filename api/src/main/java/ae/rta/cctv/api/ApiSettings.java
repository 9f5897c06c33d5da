package ae.rta.cctv.api;

import ae.rta.cctv.api.domain.Role;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the api service ({@code cctv.api.*}; environment {@code CCTV_API_*}).
 *
 * @param issuer the {@code iss} of the tokens this service signs
 * @param accessTokenTtl how long an access token is good for
 * @param refreshTokenTtl how long a refresh token is good for (one operator shift)
 * @param keyRotationInterval how often a new signing key replaces the current one
 * @param sessionCheckInterval how stale this instance's view of a sign-in (revoked? user disabled?) may be
 * @param authorityAgency the agency of the authority itself; its auditors read every agency's audit rows
 * @param cameraRefresh how often the camera list is re-read from the vms service
 * @param corsAllowedOrigins browser origins allowed to call the API from elsewhere; empty turns CORS off
 */
@ConfigurationProperties("cctv.api")
public record ApiSettings(
        @DefaultValue("cctv-api") String issuer,
        @DefaultValue("PT5M") Duration accessTokenTtl,
        @DefaultValue("PT12H") Duration refreshTokenTtl,
        @DefaultValue("P7D") Duration keyRotationInterval,
        @DefaultValue("PT5S") Duration sessionCheckInterval,
        @DefaultValue("RTA") String authorityAgency,
        @DefaultValue("PT5S") Duration cameraRefresh,
        @DefaultValue Login login,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Oidc oidc,
        @DefaultValue Argon2 argon2,
        @DefaultValue List<String> corsAllowedOrigins) {

    /** Brute-force protection: failed sign-ins allowed per window before 429. */
    public record Login(@DefaultValue("5") int maxFailuresPerUserAndAddress, @DefaultValue("30") int maxFailuresPerAddress,
            @DefaultValue("PT1M") Duration window) {
    }

    /** Requests per second (sustained) and burst, per user and per agency. */
    public record RateLimit(@DefaultValue("50") int userPerSecond, @DefaultValue("100") int userBurst,
            @DefaultValue("1000") int agencyPerSecond, @DefaultValue("2000") int agencyBurst) {
    }

    /**
     * The authority's identity provider; off while {@code issuer} is empty.
     *
     * @param roleMapping provider role name to ours, e.g. {@code cctv.api.oidc.role-mapping.cctv-admins=ADMIN}
     */
    public record Oidc(@DefaultValue("") String issuer, URI jwksUri, @DefaultValue("") String audience,
            @DefaultValue("preferred_username") String usernameClaim, @DefaultValue("roles") String roleClaim,
            @DefaultValue("agency") String agencyClaim, @DefaultValue Map<String, Role> roleMapping) {

        public boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }
    }

    /** Password hashing cost (Argon2id); lower only in tests. */
    public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations) {
    }
}
