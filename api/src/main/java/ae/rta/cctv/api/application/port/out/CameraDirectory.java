package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.util.List;
import java.util.Optional;

/** The cameras the vms service knows, as the api service shows them. */
public interface CameraDirectory {

    /** One camera. @param nameAr the Arabic name, or null */
    record CameraSummary(CameraId id, String name, String nameAr, AgencyCode agency, String status, boolean ptz,
            boolean recording, String sourceType) {
    }

    /**
     * Every camera.
     *
     * @throws DirectoryUnavailableException when the vms service cannot be asked and nothing is known yet
     */
    List<CameraSummary> all();

    /** @throws DirectoryUnavailableException as {@link #all()} */
    Optional<CameraSummary> find(CameraId id);

    /** The agencies cameras may belong to. */
    List<AgencyCode> agencies();

    /** Thrown when the directory cannot answer. */
    final class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
