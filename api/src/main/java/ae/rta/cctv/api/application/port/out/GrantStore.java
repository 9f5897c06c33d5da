package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.api.domain.LinkGrant;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The grants playback and export links name (PostgreSQL). */
public interface GrantStore {

    void insert(LinkGrant grant);

    Optional<LinkGrant> find(UUID id);

    /** Marks the grant's first use at {@code now}. @return true only for the call that marked it */
    boolean markFirstUse(UUID id, Instant now);

    /** Deletes grants made before {@code before}. @return how many */
    int deleteCreatedBefore(Instant before);
}
