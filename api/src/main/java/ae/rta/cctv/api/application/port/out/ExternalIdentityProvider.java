package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.api.domain.Caller;
import java.util.Optional;

/** The authority's own identity provider (OIDC), whose access tokens the api service accepts alongside its own. */
public interface ExternalIdentityProvider {

    /** The {@code iss} its tokens carry. */
    String issuer();

    /**
     * The caller a token proves, when its signature checks against the provider's published keys, it is current, it
     * is meant for this system, and its claims name a known role and a valid agency.
     */
    Optional<Caller> verify(String token);
}
