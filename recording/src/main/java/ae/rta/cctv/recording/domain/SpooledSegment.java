package ae.rta.cctv.recording.domain;

import ae.rta.cctv.common.domain.CameraId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A finished segment waiting in the local spool: fsynced, hashed, and described by a sidecar file, so it survives a
 * restart of the recording service and is uploaded before anything deletes it.
 *
 * @param fence the lease token of the recorder that wrote it
 */
public record SpooledSegment(CameraId camera, Instant start, Path file, long bytes, String sha256, long fence) {

    public SpooledSegment {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }
}
