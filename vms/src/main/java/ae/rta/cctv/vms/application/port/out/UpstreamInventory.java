package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import java.util.List;

/** The camera inventories of the agencies' upstream VMS servers (Milestone XProtect). */
public interface UpstreamInventory {

    /** A camera as its upstream server lists it. @param guid its id there */
    record UpstreamCamera(String guid, String name, boolean ptz, boolean enabled) {
    }

    /** The ids of the configured servers. */
    List<String> servers();

    /** The agency a server's cameras belong to. @throws IllegalArgumentException for an unknown server */
    AgencyCode agencyOf(String server);

    /**
     * Every camera the server lists now.
     *
     * @throws InventoryUnavailableException when it cannot be asked (after retries)
     */
    List<UpstreamCamera> cameras(String server);

    /** The server did not answer, or refused. */
    final class InventoryUnavailableException extends RuntimeException {
        public InventoryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
