package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A camera linked to an incident and, when {@code range} is given, the stretch of its footage that is evidence: kept
 * under an evidence hold in the storage service while the incident is not closed. A range is at most
 * {@link Texts#MAX_SPAN} long; a longer investigation links several.
 *
 * @param range null for the camera alone
 * @param held whether a hold of this link stands (or is still being released)
 */
public record Footage(UUID id, CameraId camera, TimeRange range, String linkedBy, Instant linkedAt, boolean held) {

    public Footage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(camera, "camera");
        if (range != null) {
            Texts.span("a linked time range", range);
        }
    }

    /** What the storage service's hold of this link is called, so that its owner can be told from an export's. */
    public String holdReference(UUID incident) {
        return "incident:" + incident + ":footage:" + id;
    }
}
