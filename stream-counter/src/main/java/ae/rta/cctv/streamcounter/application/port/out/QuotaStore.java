package ae.rta.cctv.streamcounter.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.streamcounter.domain.Limits;
import ae.rta.cctv.streamcounter.domain.ReservationId;
import ae.rta.cctv.streamcounter.domain.ReserveResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where live-stream reservations are counted. Every operation is atomic: concurrent reservations never admit more
 * than a limit allows. A reservation lapses by itself when not heartbeated within its time to live; nothing needs
 * to sweep for the counts to be right.
 */
public interface QuotaStore {

    /**
     * Reserves a stream of {@code camera} for {@code agency} unless a limit is full. Retrying with the same
     * {@code requestId} while the first reservation lives returns that reservation instead of counting twice.
     *
     * @param requestId the caller's idempotency key, 1 to 128 characters
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    ReserveResult reserve(AgencyCode agency, CameraId camera, String requestId, Limits limits, Instant now, Duration ttl);

    /**
     * Extends a live reservation to {@code now + ttl}.
     *
     * @return the new expiry, or empty when the reservation has lapsed or was released
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    Optional<Instant> heartbeat(ReservationId id, Instant now, Duration ttl);

    /**
     * Ends a reservation.
     *
     * @return whether a live reservation was ended
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    boolean release(ReservationId id, Instant now);

    /**
     * Which of {@code ids} are live at {@code now}: neither released nor lapsed.
     *
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    java.util.Set<ReservationId> live(java.util.Collection<ReservationId> ids, Instant now);

    /**
     * Live reservations per agency at {@code now}, for the agencies asked.
     *
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    Map<AgencyCode, Integer> active(Iterable<AgencyCode> agencies, Instant now);

    /**
     * Drops the lapsed reservations of {@code agencies}: housekeeping that keeps counts fresh for agencies nobody
     * reserves for. Correctness never depends on it.
     *
     * @return how many were dropped
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    int dropLapsed(Iterable<AgencyCode> agencies, Instant now);

    /** Thrown when the store does not answer; callers fail closed. */
    final class QuotaStoreUnavailableException extends RuntimeException {
        public QuotaStoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
