package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.List;

/** What cameras reported and went through, as the vms service stores it (ONVIF PullPoint events, status changes). */
public interface CameraEventLog {

    /**
     * One event.
     *
     * @param kind {@code MOTION}, {@code TAMPERING} or {@code STATUS}
     * @param active for MOTION and TAMPERING: whether it began (true) or ended (false); null for STATUS
     * @param status for STATUS: {@code ONLINE}, {@code OFFLINE}; null otherwise
     * @param reason what the camera said, or why its status changed, in words; may be null
     */
    record CameraEvent(long id, String kind, Boolean active, String status, String reason, Instant at) {
    }

    /**
     * A camera's events between two instants, oldest first.
     *
     * @param kind one kind only, or null for all
     * @throws UnavailableException when the vms service does not answer
     */
    List<CameraEvent> events(CameraId camera, Instant from, Instant to, String kind, int limit);

    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
