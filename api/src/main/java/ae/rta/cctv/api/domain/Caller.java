package ae.rta.cctv.api.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is making a request, as proven by their access token.
 *
 * @param subject stable identity: a user id of the embedded issuer, or {@code oidc:<sub>} for the external provider
 * @param username what people call them, shown in the audit trail
 * @param role what they may do
 * @param agency the agency whose data they see (every agency's, for {@link Role#ADMIN})
 * @param session the sign-in their token belongs to; empty for tokens of the external provider
 */
public record Caller(String subject, String username, Role role, AgencyCode agency, Optional<UUID> session) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(session, "session");
    }

    /** The one agency whose data exists for this caller; empty for an administrator, who sees every agency's. */
    public Optional<AgencyCode> scope() {
        return role == Role.ADMIN ? Optional.empty() : Optional.of(agency);
    }

    /** Whether data owned by {@code owner} exists for this caller; everything else must look absent (404). */
    public boolean sees(AgencyCode owner) {
        return role == Role.ADMIN || agency.equals(owner);
    }
}
