package ae.rta.cctv.vms.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the health probes last found.
 *
 * @param reason why the camera is OFFLINE (or UNKNOWN), null when ONLINE
 * @param lastSeen when a probe last reached it, or null
 * @param changedAt when the status last changed, or null
 */
public record CameraHealth(CameraStatus status, String reason, Instant lastSeen, Instant changedAt) {

    public static final CameraHealth UNKNOWN = new CameraHealth(CameraStatus.UNKNOWN, "not probed yet", null, null);

    public CameraHealth {
        Objects.requireNonNull(status, "status");
    }
}
