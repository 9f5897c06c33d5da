package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A camera linked to an incident and, when {@code range} is given, the stretch of its footage that is evidence: kept
 * under an evidence hold in the storage service while the incident is not closed.
 *
 * @param range null for the camera alone
 * @param held whether a hold of this link stands (or is still being released)
 */
public record Footage(UUID id, CameraId camera, TimeRange range, String linkedBy, Instant linkedAt, boolean held) {

    /** The longest stretch one link may hold; a longer investigation links several. */
    public static final Duration MAX_RANGE = Duration.ofDays(31);

    public Footage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(camera, "camera");
        if (range != null) {
            checkRange(range);
        }
    }

    /** @throws IllegalArgumentException when the range is outside the accepted years or longer than {@link #MAX_RANGE} */
    public static TimeRange checkRange(TimeRange range) {
        Texts.moment("start", range.start());
        Texts.moment("end", range.end());
        if (range.duration().compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("a linked time range may be at most " + MAX_RANGE.toDays() + " days long");
        }
        return range;
    }

    /** What the storage service's hold of this link is called, so that its owner can be told from an export's. */
    public String holdReference(UUID incident) {
        return "incident:" + incident + ":footage:" + id;
    }
}
