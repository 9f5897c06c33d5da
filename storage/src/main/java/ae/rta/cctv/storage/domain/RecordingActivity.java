package ae.rta.cctv.storage.domain;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What has lately landed for one camera: its newest recorded segment (not an imported one) and its newest gap.
 *
 * @param lastSegmentEnd the end of its newest recorded segment, or null when none landed lately
 * @param lastSegmentDuration how long that segment is, or null
 * @param codec that segment's video codec (sample entry, e.g. {@code avc1}), or null
 * @param width its width in pixels, 0 when unknown
 * @param height its height in pixels, 0 when unknown
 * @param lastGapEnd the end of its newest recorded gap, or null
 * @param lastGapReason why that gap is there, or null
 */
public record RecordingActivity(CameraId camera, Instant lastSegmentEnd, Duration lastSegmentDuration, String codec,
        int width, int height, Instant lastGapEnd, String lastGapReason) {

    public RecordingActivity {
        Objects.requireNonNull(camera, "camera");
    }

    /**
     * Whether segments are landing at {@code now}: the newest one ended no longer ago than its own length plus
     * {@code slack} (the time a finished segment takes to be sealed, uploaded and indexed).
     */
    public boolean landing(Instant now, Duration slack) {
        return lastSegmentEnd != null && lastSegmentDuration != null
                && !lastSegmentEnd.plus(lastSegmentDuration).plus(slack).isBefore(now);
    }
}
