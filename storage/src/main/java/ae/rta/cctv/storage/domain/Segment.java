package ae.rta.cctv.storage.domain;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One stored piece of a camera's footage: a fragmented-MP4 object in the store covering a wall-clock range.
 *
 * @param camera whose footage it is
 * @param range the wall-clock time it covers
 * @param objectKey where the store keeps it
 * @param bytes its size
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record Segment(CameraId camera, TimeRange range, String objectKey, long bytes, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** @throws IllegalArgumentException when a field is missing, the size is not positive or the hash malformed */
    public Segment {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(range, "range");
        if (objectKey == null || objectKey.isBlank()) {
            throw new IllegalArgumentException("objectKey must not be blank");
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("a segment holds at least one byte");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }
}
