package ae.rta.cctv.metadata.adapter.out.http;

import ae.rta.cctv.common.client.StorageHolds;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import ae.rta.cctv.metadata.application.port.out.EvidenceHolds;
import java.util.UUID;
import org.springframework.web.client.RestClient;

/** Evidence holds over the storage service's {@code /internal/holds} routes. */
public final class StorageEvidenceHolds implements EvidenceHolds {

    /** What storage's holds say about their owner, next to the reference; exports name themselves otherwise. */
    static final String REASON = "incident evidence";

    private final StorageHolds storage;

    public StorageEvidenceHolds(RestClient storage) {
        this.storage = new StorageHolds(storage);
    }

    @Override
    public UUID place(CameraId camera, TimeRange range, String reference) {
        try {
            return storage.place(camera.toString(), range.start(), range.end(), REASON, reference);
        } catch (StorageHolds.UnavailableException e) {
            throw new HoldsUnavailableException(e);
        }
    }

    @Override
    public void release(UUID hold) {
        try {
            storage.release(hold);
        } catch (StorageHolds.UnavailableException e) {
            throw new HoldsUnavailableException(e);
        }
    }
}
