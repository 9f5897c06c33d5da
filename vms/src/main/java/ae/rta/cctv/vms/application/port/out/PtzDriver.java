package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.SourceType;
import java.util.List;

/** Moves the PTZ cameras of one kind of source. */
public interface PtzDriver {

    SourceType type();

    /** @throws PtzFailedException when the camera refuses or does not answer */
    void execute(Camera camera, PtzCommand command);

    /** @throws PtzFailedException as {@link #execute} */
    List<Preset> presets(Camera camera);

    /** Stores the camera's current position as a preset. @throws PtzFailedException as {@link #execute} */
    Preset setPreset(Camera camera, String name);

    /** @throws PtzFailedException as {@link #execute} */
    void removePreset(Camera camera, String token);

    /** The camera did not do what was asked; the message is safe to show. */
    final class PtzFailedException extends RuntimeException {
        public PtzFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
