package ae.rta.cctv.recording.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Which recording instance records which camera. A lease lapses by itself when not renewed; each grant carries a
 * fencing token, higher than every earlier grant for that camera, which the storage service checks at index time.
 * Every method throws a {@link RuntimeException} when the store cannot be reached.
 */
public interface LeaseStore {

    /** Takes the camera's lease for {@code instance}, or renews it if already held. @return its fencing token */
    OptionalLong acquire(CameraId camera, String instance, Duration ttl);

    /** @return false when the lease was lost (lapsed and taken, or never held) */
    boolean renew(CameraId camera, String instance, long token, Duration ttl);

    void release(CameraId camera, String instance, long token);

    /** Says this instance is alive, for {@link #liveInstances()}. */
    void heartbeat(String instance, Duration ttl);

    /** Says this instance is leaving (a graceful stop), so the others' fair share grows at once. */
    void leave(String instance);

    /** How many instances are alive now. */
    int liveInstances();
}
