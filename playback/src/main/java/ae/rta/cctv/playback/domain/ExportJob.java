package ae.rta.cctv.playback.domain;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.UUID;

/**
 * An evidence export: an MP4 of one camera's range, its SHA-256, and a signed manifest saying what it was made from.
 *
 * @param progress 0 to 1 while RUNNING, 1 when DONE
 * @param manifest the exact manifest bytes (UTF-8 JSON) that {@code signature} signs; null until DONE
 * @param signature base64 Ed25519 signature of {@code manifest}
 */
public record ExportJob(UUID id, CameraId camera, Instant start, Instant end, String requestedBy, Status status,
        double progress, Instant createdAt, Instant finishedAt, UUID holdId, String sha256, Long sizeBytes, String manifest,
        String signature, String error) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** A new job, waiting for a runner. */
    public static ExportJob queued(UUID id, CameraId camera, Instant start, Instant end, String requestedBy, Instant now,
            UUID holdId) {
        return new ExportJob(id, camera, start, end, requestedBy, Status.QUEUED, 0, now, null, holdId, null, null, null,
                null, null);
    }

    /** The name the exported file is downloaded under. */
    public String fileName() {
        return "cctv-" + camera + "-" + start.toString().replace(":", "") + ".mp4";
    }
}
