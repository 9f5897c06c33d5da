package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stream-counter service: live-stream reservations and limits. */
public interface StreamCounter {

    /** A granted reservation. @param id the reservation's id, {@code AGENCY.camera.nonce} */
    record Reservation(String id, AgencyCode agency, CameraId camera, Instant expiresAt, long ttlSeconds) {
    }

    /** An agency's limit and live count. */
    record Quota(AgencyCode agency, int limit, int active) {
    }

    /** Every agency's quota, and the limits that are not per agency. @param globalLimit null when unlimited */
    record Quotas(List<Quota> items, int cameraLimit, Integer globalLimit, long ttlSeconds) {
    }

    /** An agency's live count and limit at one minute. */
    record Sample(Instant time, int active, int limit) {
    }

    /** One agency's samples, oldest first. */
    record AgencyHistory(AgencyCode agency, List<Sample> samples) {
    }

    /**
     * @throws QuotaFullException when a limit is full
     * @throws UnavailableException when the counts cannot be checked
     */
    Reservation reserve(AgencyCode agency, CameraId camera, String requestId, String owner);

    /**
     * @param owner who asks; null asks as anyone (an administrator)
     * @return the new expiry, or empty when the reservation lapsed, was released or is another owner's
     */
    Optional<Instant> heartbeat(String reservationId, String owner);

    /**
     * @param owner who asks; null asks as anyone (an administrator)
     * @return whether a live reservation was ended (false when it is another owner's)
     */
    boolean release(String reservationId, String owner);

    Quotas quotas(List<AgencyCode> agencies);

    Quota setAgencyLimit(AgencyCode agency, int limit, String actor);

    /**
     * The per-minute samples of live counts and limits in {@code [from, to)}.
     *
     * @param agencies the agencies wanted, or null for every agency
     * @throws UnavailableException when the stream-counter service does not answer
     */
    List<AgencyHistory> history(Instant from, Instant to, List<AgencyCode> agencies);

    /** @param globalLimit null for none */
    void setSettings(int cameraLimit, Integer globalLimit, String actor);

    /** A limit is full. @param scope agency, camera or global */
    final class QuotaFullException extends RuntimeException {
        private final String scope;
        private final int limit;
        private final int active;

        public QuotaFullException(String detail, String scope, int limit, int active) {
            super(detail);
            this.scope = scope;
            this.limit = limit;
            this.active = active;
        }

        public String scope() {
            return scope;
        }

        public int limit() {
            return limit;
        }

        public int active() {
            return active;
        }
    }

    /** The stream-counter service, or its store, does not answer: nothing can be admitted or extended. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
