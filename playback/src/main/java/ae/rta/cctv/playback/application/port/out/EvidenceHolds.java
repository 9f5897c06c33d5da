package ae.rta.cctv.playback.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.UUID;

/** Evidence holds in storage: held footage outlives its retention. */
public interface EvidenceHolds {

    /** @return the hold's id @throws Footage.UnavailableException when storage does not answer */
    UUID place(CameraId camera, Instant start, Instant end, String reason, String reference);

    /** @throws Footage.UnavailableException when storage does not answer */
    void release(UUID hold);
}
