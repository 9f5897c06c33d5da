package ae.rta.cctv.metadata.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import java.util.UUID;

/** Evidence holds in the storage service: footage under a standing hold is never deleted by retention. */
public interface EvidenceHolds {

    /**
     * Puts a camera's footage in {@code range} under a new hold.
     *
     * @param reference who owns the hold, e.g. {@code incident:<id>:footage:<id>}
     * @return the hold's id
     * @throws HoldsUnavailableException when the storage service does not answer
     */
    UUID place(CameraId camera, TimeRange range, String reference);

    /**
     * Releases a hold; releasing one that is already released (or unknown) is not an error.
     *
     * @throws HoldsUnavailableException when the storage service does not answer
     */
    void release(UUID hold);

    final class HoldsUnavailableException extends RuntimeException {
        public HoldsUnavailableException(Throwable cause) {
            super("the storage service did not answer", cause);
        }
    }
}
