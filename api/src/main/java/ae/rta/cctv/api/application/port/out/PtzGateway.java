package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import java.util.List;
import java.util.Map;

/**
 * PTZ at the vms service. Refusals come back as the vms service's problems (409 no PTZ, 423 locked, 400, 502)
 * and are passed on to the caller as they are.
 */
public interface PtzGateway {

    /** @param command the move as the caller gave it ({@code action}, {@code pan}, ...) @return the lock now held */
    Map<String, Object> move(CameraId camera, Map<String, Object> command, Caller caller);

    List<Map<String, Object>> presets(CameraId camera);

    Map<String, Object> setPreset(CameraId camera, String name, boolean takeOver, Caller caller);

    void removePreset(CameraId camera, String token, Caller caller);

    /** {@code holder} and {@code expiresAt}, both null when nobody holds it */
    Map<String, Object> lock(CameraId camera);

    void release(CameraId camera, Caller caller);

    /** The vms service does not answer. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(Throwable cause) {
            super("the vms service did not answer", cause);
        }
    }
}
