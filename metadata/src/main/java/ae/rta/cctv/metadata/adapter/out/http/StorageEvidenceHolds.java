package ae.rta.cctv.metadata.adapter.out.http;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import ae.rta.cctv.metadata.application.port.out.EvidenceHolds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Evidence holds over the storage service's {@code /internal/holds} routes. */
public final class StorageEvidenceHolds implements EvidenceHolds {

    /** What storage's holds say about their owner, next to the reference; exports name themselves otherwise. */
    static final String REASON = "incident evidence";

    private final RestClient storage;

    public StorageEvidenceHolds(RestClient storage) {
        this.storage = storage;
    }

    record HoldJson(String id) {
    }

    @Override
    public UUID place(CameraId camera, TimeRange range, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameraId", camera.toString());
        body.put("start", range.start().toString());
        body.put("end", range.end().toString());
        body.put("reason", REASON);
        body.put("reference", reference);
        try {
            HoldJson hold = storage.post().uri("/internal/holds").body(body).retrieve().body(HoldJson.class);
            if (hold == null || hold.id() == null) {
                throw new HoldsUnavailableException(new IllegalStateException("the storage service answered without a hold id"));
            }
            return UUID.fromString(hold.id());
        } catch (RestClientException e) {
            throw new HoldsUnavailableException(e);
        }
    }

    @Override
    public void release(UUID hold) {
        try {
            storage.delete().uri("/internal/holds/{id}", hold).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() != HttpStatus.NOT_FOUND) {
                throw new HoldsUnavailableException(e);
            }
        } catch (RestClientException e) {
            throw new HoldsUnavailableException(e);
        }
    }
}
