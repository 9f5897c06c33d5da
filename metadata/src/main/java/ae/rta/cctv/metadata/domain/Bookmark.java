package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A note on a camera's timeline: a moment, or with {@code end} a range (an annotation of a stretch of footage, at
 * most {@link Texts#MAX_SPAN}).
 *
 * @param end null for a moment
 */
public record Bookmark(UUID id, AgencyCode agency, CameraId camera, Instant time, Instant end, String note, List<String> tags,
        String createdBy, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NOTE = 2_000;

    /** @throws IllegalArgumentException for a time outside the accepted years, an end not after the time, a bad note or tag */
    public Bookmark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(camera, "camera");
        Texts.moment("time", time);
        if (end != null) {
            Texts.moment("end", end);
            if (!end.isAfter(time)) {
                throw new IllegalArgumentException("end (" + end + ") must be after time (" + time + ")");
            }
            Texts.span("an annotated range", new TimeRange(time, end));
        }
        note = Texts.paragraphs("note", note, MAX_NOTE);
        tags = Tags.of(tags);
    }

    public Bookmark edited(String newNote, List<String> newTags, Instant newTime, Instant newEnd, Instant now) {
        return new Bookmark(id, agency, camera, newTime, newEnd, newNote, newTags, createdBy, createdAt, now);
    }
}
