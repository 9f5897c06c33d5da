package ae.rta.cctv.recording.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.util.List;

/** The cameras the vms service knows, and where to pull their main streams. */
public interface CameraCatalog {

    /** @throws CatalogUnavailableException when the vms service does not answer */
    List<CameraId> cameras();

    /** The main stream's URL, with its login, for FFmpeg. @throws CatalogUnavailableException as {@link #cameras} */
    String streamUrl(CameraId camera);

    /** The vms service does not answer. */
    final class CatalogUnavailableException extends RuntimeException {
        public CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
