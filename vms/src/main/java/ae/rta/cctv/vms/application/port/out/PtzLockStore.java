package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.domain.PtzLock;
import java.time.Instant;
import java.util.Optional;

/** PTZ locks, shared by every vms instance. */
public interface PtzLockStore {

    /**
     * Takes or extends the camera's lock for {@code holder} until {@code expiresAt}, unless another holder's lock is
     * still live and {@code takeOver} is false. Atomic.
     *
     * @return the lock as it now stands: the caller's when granted, the other holder's when not
     */
    PtzLock acquire(CameraId camera, String holder, String holderName, Instant now, Instant expiresAt, boolean takeOver);

    /** The live lock of the camera, if any. */
    Optional<PtzLock> current(CameraId camera, Instant now);

    /** Releases the camera's lock if {@code holder} holds it. */
    /**
     * Drops the lock of {@code camera} if {@code holder} holds it; a null holder drops whoever's it is.
     *
     * @return whether a lock was dropped
     */
    boolean release(CameraId camera, String holder);
}
