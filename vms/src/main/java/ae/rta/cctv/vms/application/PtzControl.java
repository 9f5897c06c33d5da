package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.application.port.out.PtzDriver;
import ae.rta.cctv.vms.application.port.out.PtzLockStore;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.PtzLock;
import ae.rta.cctv.vms.domain.SourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Steering PTZ cameras: one user at a time per camera. A command takes (or extends) the camera's lock for
 * {@code lockTtl}; while another user's lock is live the command is refused with 423 naming the holder, unless an
 * administrator asks to take over.
 */
public final class PtzControl {

    private final CameraRepository cameras;
    private final Map<SourceType, PtzDriver> drivers = new EnumMap<>(SourceType.class);
    private final PtzLockStore locks;
    private final Clock clock;
    private final Duration lockTtl;

    /** Who is steering. @param admin whether they may take over another user's lock */
    public record Operator(String subject, String name, boolean admin) {
        public Operator {
            if (subject == null || subject.isBlank() || subject.length() > 200 || name == null || name.isBlank()
                    || name.length() > 200) {
                throw new IllegalArgumentException("the operator must be named");
            }
        }
    }

    public PtzControl(CameraRepository cameras, List<PtzDriver> drivers, PtzLockStore locks, Clock clock, Duration lockTtl) {
        this.cameras = cameras;
        drivers.forEach(d -> this.drivers.put(d.type(), d));
        this.locks = locks;
        this.clock = clock;
        this.lockTtl = lockTtl;
    }

    /**
     * @throws ProblemException 404 no camera, 409 no PTZ, 423 locked by another user, 502 the camera failed
     */
    public PtzLock move(CameraId id, PtzCommand command, Operator operator, boolean takeOver) {
        Camera camera = ptzCamera(id);
        PtzLock lock = lock(camera, operator, takeOver);
        run(() -> driver(camera).execute(camera, command));
        return lock;
    }

    /** @throws ProblemException 404 no camera, 409 no PTZ, 502 the camera failed */
    public List<Preset> presets(CameraId id) {
        Camera camera = ptzCamera(id);
        return run(() -> driver(camera).presets(camera));
    }

    /** Stores the current position as a preset; needs the lock. @throws ProblemException as {@link #move} */
    public Preset setPreset(CameraId id, String name, Operator operator, boolean takeOver) {
        Camera camera = ptzCamera(id);
        String checked = Preset.requireName(name);
        lock(camera, operator, takeOver);
        return run(() -> driver(camera).setPreset(camera, checked));
    }

    /** @throws ProblemException as {@link #move} */
    public void removePreset(CameraId id, String token, Operator operator, boolean takeOver) {
        Camera camera = ptzCamera(id);
        Preset.requireToken(token);
        lock(camera, operator, takeOver);
        run(() -> {
            driver(camera).removePreset(camera, token);
            return null;
        });
    }

    /** The camera's live lock, if any. @throws ProblemException 404 no camera, 409 no PTZ */
    public Optional<PtzLock> currentLock(CameraId id) {
        return locks.current(ptzCamera(id).id(), clock.instant());
    }

    /**
     * Gives up the operator's lock on the camera; an ADMIN may drop another user's.
     *
     * @return the holder whose lock was dropped
     * @throws ProblemException 404 no camera, 409 no PTZ or the operator holds no lock on it (another user's, or none)
     */
    public String release(CameraId id, Operator operator) {
        Camera camera = ptzCamera(id);
        Optional<PtzLock> current = locks.current(camera.id(), clock.instant());
        if (current.isEmpty()) {
            throw ProblemException.conflict("Nobody holds this camera's PTZ lock: there is nothing to give up.");
        }
        PtzLock lock = current.get();
        boolean own = lock.holder().equals(operator.subject());
        if (!own && !operator.admin()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Conflict", lock.holderName()
                    + " holds this camera's PTZ lock, not you: only they (or an ADMIN) can give it up.",
                    Map.of("holder", lock.holderName(), "expiresAt", lock.expiresAt().toString()));
        }
        locks.release(camera.id(), own ? operator.subject() : null);
        return lock.holderName();
    }

    private PtzLock lock(Camera camera, Operator operator, boolean takeOver) {
        Instant now = clock.instant();
        PtzLock lock = locks.acquire(camera.id(), operator.subject(), operator.name(), now, now.plus(lockTtl),
                takeOver && operator.admin());
        if (!lock.holder().equals(operator.subject())) {
            throw new ProblemException(HttpStatus.LOCKED, "Locked", lock.holderName() + " is steering this camera until "
                    + lock.expiresAt() + " (30 s after their last command).",
                    Map.of("holder", lock.holderName(), "expiresAt", lock.expiresAt().toString()));
        }
        return lock;
    }

    private Camera ptzCamera(CameraId id) {
        Camera camera = cameras.findById(id).orElseThrow(() -> ProblemException.notFound("No camera has id " + id + "."));
        if (!camera.ptz() || !drivers.containsKey(camera.source().type())) {
            throw ProblemException.conflict("This camera cannot pan, tilt or zoom.");
        }
        return camera;
    }

    private PtzDriver driver(Camera camera) {
        return drivers.get(camera.source().type());
    }

    private static <T> T run(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PtzDriver.PtzFailedException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "Bad Gateway", e.getMessage());
        }
    }

    private static void run(Runnable call) {
        run(() -> {
            call.run();
            return null;
        });
    }
}
