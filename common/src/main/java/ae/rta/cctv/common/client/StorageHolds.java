package ae.rta.cctv.common.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The storage service's evidence holds ({@code POST /internal/holds}, {@code DELETE /internal/holds/{id}}), for the
 * services that put footage under a hold (metadata for incidents, playback for exports).
 */
public final class StorageHolds {

    private final RestClient storage;

    public StorageHolds(RestClient storage) {
        this.storage = storage;
    }

    record HoldJson(String id) {
    }

    /** @return the hold's id @throws UnavailableException when storage does not answer or refuses */
    public UUID place(String cameraId, Instant start, Instant end, String reason, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameraId", cameraId);
        body.put("start", start.toString());
        body.put("end", end.toString());
        body.put("reason", reason);
        body.put("reference", reference);
        try {
            HoldJson hold = storage.post().uri("/internal/holds").body(body).retrieve().body(HoldJson.class);
            if (hold == null || hold.id() == null) {
                throw new UnavailableException(new IllegalStateException("the storage service answered without a hold id"));
            }
            return UUID.fromString(hold.id());
        } catch (RestClientException e) {
            throw new UnavailableException(e);
        }
    }

    /** Releases a hold; one storage no longer knows counts as released. @throws UnavailableException */
    public void release(UUID hold) {
        try {
            storage.delete().uri("/internal/holds/{id}", hold).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() != HttpStatus.NOT_FOUND) {
                throw new UnavailableException(e);
            }
        } catch (RestClientException e) {
            throw new UnavailableException(e);
        }
    }

    /** Storage did not answer, or not as expected. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(Throwable cause) {
            super("the storage service's holds did not answer: " + cause.getMessage(), cause);
        }
    }
}
