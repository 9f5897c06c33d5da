package ae.rta.cctv.live.application;

import ae.rta.cctv.live.application.port.out.Reservations;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the reservations viewers watch under have ended (released or lapsed), asked of the stream-counter in one
 * batch, for the WebSocket, HLS and WebRTC viewers alike. Only what was asked can be found ended: a viewer that came
 * during the question is not known to have ended. While the counter cannot answer, none has: viewers already
 * watching keep watching (new ones are refused meanwhile). What is found ended is no longer believed live by
 * {@link StreamAdmission}, so a released stream's URL admits nobody from that moment.
 */
public final class EndedReservations {

    private static final Logger log = LoggerFactory.getLogger(EndedReservations.class);

    private final Reservations reservations;
    private final StreamAdmission admission;
    private final LiveMetrics metrics;

    public EndedReservations(Reservations reservations, StreamAdmission admission, LiveMetrics metrics) {
        this.reservations = reservations;
        this.admission = admission;
        this.metrics = metrics;
    }

    /** Those of {@code watched} that have ended. */
    Set<String> of(Set<String> watched) {
        if (watched.isEmpty()) {
            return Set.of();
        }
        Set<String> live;
        try {
            live = reservations.live(watched);
        } catch (Reservations.UnavailableException e) {
            metrics.reservationCheckFailed();
            log.warn("reservations could not be checked; viewers keep their streams meanwhile: {}", e.getMessage());
            return Set.of();
        }
        Set<String> ended = new HashSet<>(watched);
        ended.removeAll(live);
        ended.forEach(admission::ended);
        return ended;
    }
}
