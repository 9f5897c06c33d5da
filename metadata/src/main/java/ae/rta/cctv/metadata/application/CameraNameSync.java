package ae.rta.cctv.metadata.application;

import ae.rta.cctv.metadata.application.port.out.CameraCatalog;
import ae.rta.cctv.metadata.application.port.out.CameraNameStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the searched camera names equal to the camera catalog's: the whole catalog is read (it is small: thousands of
 * cameras at most) and only what differs is written. Run periodically and on demand.
 */
public final class CameraNameSync {

    private static final Logger log = LoggerFactory.getLogger(CameraNameSync.class);

    private final CameraCatalog catalog;
    private final CameraNameStore names;
    private final Clock clock;
    private final MeterRegistry registry;
    private volatile boolean failing;

    public CameraNameSync(CameraCatalog catalog, CameraNameStore names, Clock clock, MeterRegistry registry) {
        this.catalog = catalog;
        this.names = names;
        this.clock = clock;
        this.registry = registry;
        registry.counter("cctv.metadata.camera.syncs", "outcome", "done"); // both read 0 before the first sync
        registry.counter("cctv.metadata.camera.syncs", "outcome", "unavailable");
    }

    /** @throws CameraCatalog.CatalogUnavailableException when the catalog does not answer (nothing changes) */
    public CameraNameStore.Changes sync() {
        try {
            CameraNameStore.Changes changes = names.replaceAll(catalog.all(), clock.instant());
            registry.counter("cctv.metadata.camera.syncs", "outcome", "done").increment();
            if (changes.added() + changes.renamed() + changes.removed() > 0 || failing) {
                log.info("camera names synchronised: {} added, {} renamed, {} removed", changes.added(), changes.renamed(),
                        changes.removed());
            }
            failing = false;
            return changes;
        } catch (CameraCatalog.CatalogUnavailableException e) {
            registry.counter("cctv.metadata.camera.syncs", "outcome", "unavailable").increment();
            if (!failing) {
                log.warn("camera names not synchronised, the last known are searched: {}", e.getMessage());
            }
            failing = true;
            throw e;
        }
    }
}
