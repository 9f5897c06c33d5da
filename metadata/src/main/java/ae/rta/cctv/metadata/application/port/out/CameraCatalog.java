package ae.rta.cctv.metadata.application.port.out;

import ae.rta.cctv.metadata.domain.CameraName;
import java.util.List;

/** The cameras of the system (the vms service owns them). */
public interface CameraCatalog {

    /** Every camera's names. @throws CatalogUnavailableException when the catalog does not answer */
    List<CameraName> all();

    final class CatalogUnavailableException extends RuntimeException {
        public CatalogUnavailableException(Throwable cause) {
            super("the camera catalog (vms service) did not answer", cause);
        }
    }
}
