package ae.rta.cctv.streamcounter.domain;

import ae.rta.cctv.common.domain.ReservationId;

import java.time.Instant;

/** What a reservation attempt came to: granted until a time, or refused by the first full limit. */
public sealed interface ReserveResult {

    /** @param expiresAt when the reservation lapses unless heartbeated */
    record Granted(ReservationId id, Instant expiresAt) implements ReserveResult {
    }

    /**
     * @param scope which limit is full
     * @param limit its value
     * @param active how many reservations count against it now
     */
    record Rejected(LimitScope scope, int limit, int active) implements ReserveResult {
    }
}
