package ae.rta.cctv.playback.adapter.out.http;

import ae.rta.cctv.common.client.StorageHolds;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.playback.application.port.out.EvidenceHolds;
import ae.rta.cctv.playback.application.port.out.Footage;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.client.RestClient;

/** Evidence holds over the storage service's {@code /internal/holds} routes. */
public final class StorageEvidenceHolds implements EvidenceHolds {

    private final StorageHolds storage;

    public StorageEvidenceHolds(RestClient storage) {
        this.storage = new StorageHolds(storage);
    }

    @Override
    public UUID place(CameraId camera, Instant start, Instant end, String reason, String reference) {
        try {
            return storage.place(camera.toString(), start, end, reason, reference);
        } catch (StorageHolds.UnavailableException e) {
            throw new Footage.UnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public void release(UUID hold) {
        try {
            storage.release(hold);
        } catch (StorageHolds.UnavailableException e) {
            throw new Footage.UnavailableException(e.getMessage(), e);
        }
    }
}
