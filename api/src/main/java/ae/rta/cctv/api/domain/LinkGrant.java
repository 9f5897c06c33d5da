package ae.rta.cctv.api.domain;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a playback or an export link was granted for: to whom (the caller as they were, with the sign-in and the
 * user's token version then), which camera, and for an export which one. The links name it; they are served only
 * while it holds.
 *
 * @param tokenVersion the user's token version when granted; null for the identity provider's callers
 * @param target the export's id for {@link Kind#EXPORT}, else null
 * @param detail what was granted, in words, for the audit trail
 * @param firstUsedAt when its links were first fetched, or null
 */
public record LinkGrant(UUID id, Kind kind, Caller caller, Integer tokenVersion, CameraId camera, String target,
        String detail, Instant createdAt, Instant firstUsedAt) {

    /** What the links reach. */
    public enum Kind {
        PLAYBACK, EXPORT
    }

    public LinkGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
