package ae.rta.cctv.vms.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a camera reports about its scene, on this system's clock.
 *
 * @param kind {@link CameraEventKind#MOTION} or {@link CameraEventKind#TAMPERING}
 * @param active whether the condition started (true) or ended (false)
 * @param detail what the camera said, e.g. its topic and source, for people to read
 * @param at when the camera saw it, shifted onto this system's clock
 */
public record DeviceEvent(CameraEventKind kind, boolean active, String detail, Instant at) {
    public DeviceEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (kind == CameraEventKind.STATUS) {
            throw new IllegalArgumentException("a device event is motion or tampering, not a status change");
        }
        detail = detail == null ? "" : detail;
    }
}
