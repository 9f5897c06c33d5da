package ae.rta.cctv.streamcounter.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.streamcounter.domain.Limits;
import ae.rta.cctv.common.domain.ReservationId;
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
     * @param owner who holds the reservation (only they may heartbeat or release it), or null for anyone
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    ReserveResult reserve(AgencyCode agency, CameraId camera, String requestId, String owner, Limits limits, Instant now,
            Duration ttl);

    /** {@link #reserve(AgencyCode, CameraId, String, String, Limits, Instant, Duration)} held by no one in particular. */
    default ReserveResult reserve(AgencyCode agency, CameraId camera, String requestId, Limits limits, Instant now,
            Duration ttl) {
        return reserve(agency, camera, requestId, null, limits, now, ttl);
    }

    /**
     * Extends a live reservation to {@code now + ttl}.
     *
     * @param owner who asks: a reservation held by another owner is not extended; null asks as anyone
     * @return the new expiry, or empty when the reservation has lapsed, was released or is another owner's
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    Optional<Instant> heartbeat(ReservationId id, String owner, Instant now, Duration ttl);

    /** {@link #heartbeat(ReservationId, String, Instant, Duration)} asked as anyone. */
    default Optional<Instant> heartbeat(ReservationId id, Instant now, Duration ttl) {
        return heartbeat(id, null, now, ttl);
    }

    /**
     * Ends a reservation.
     *
     * @param owner who asks: a reservation held by another owner is left as it is; null asks as anyone
     * @return whether a live reservation was ended
     * @throws QuotaStoreUnavailableException when the store cannot be reached
     */
    boolean release(ReservationId id, String owner, Instant now);

    /** {@link #release(ReservationId, String, Instant)} asked as anyone. */
    default boolean release(ReservationId id, Instant now) {
        return release(id, null, now);
    }

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
