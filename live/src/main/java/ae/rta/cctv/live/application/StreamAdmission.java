package ae.rta.cctv.live.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.LiveTickets;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.live.application.port.out.Reservations;
import ae.rta.cctv.live.domain.PullKey;
import ae.rta.cctv.common.domain.StreamVariant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Who may watch: a viewer URL names a stream reservation and a variant and carries the api's signature over both;
 * it admits its bearer while the reservation lives. A reservation found live is believed for {@code recheckNanos}
 * (an LL-HLS player asks several times a second); {@link LivePulls#tick()} closes viewers of ended ones meanwhile.
 */
public final class StreamAdmission {

    /** An admitted viewer: what it watches, and under which reservation. */
    public record Admitted(String reservation, AgencyCode agency, PullKey key) {

        /** The query of this stream's viewer URLs, for the URLs the live service hands on (playlists, Location). */
        public String viewerQuery(String signature) {
            return LiveTickets.signedQuery(key.variant().name().toLowerCase(Locale.ROOT), signature);
        }
    }

    private final LiveTickets tickets;
    private final Reservations reservations;
    private final LongSupplier nanos;
    private final long recheckNanos;
    private final Map<String, Long> liveUntil = new ConcurrentHashMap<>();

    public StreamAdmission(LiveTickets tickets, Reservations reservations, LongSupplier nanos, long recheckNanos) {
        this.tickets = tickets;
        this.reservations = reservations;
        this.nanos = nanos;
        this.recheckNanos = recheckNanos;
    }

    /**
     * @throws ProblemException 404 for a malformed or ended reservation, 403 for a signature that does not match,
     *     400 for an unknown variant, 503 when the stream-counter cannot say
     */
    public Admitted admit(String reservation, String variant, String signature) {
        ae.rta.cctv.common.domain.ReservationId id = ae.rta.cctv.common.domain.ReservationId.tryParse(reservation)
                .orElseThrow(() -> ProblemException.notFound("No live stream has that id."));
        StreamVariant v;
        try {
            v = StreamVariant.parse(variant);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        if (!tickets.verify(reservation, v.name().toLowerCase(Locale.ROOT), signature)) {
            throw ProblemException.forbidden("The viewer URL's signature does not match: use the URL POST /api/v1/streams returned.");
        }
        long now = nanos.getAsLong();
        Long until = liveUntil.get(reservation);
        if (until == null || until < now) {
            boolean live;
            try {
                live = reservations.live(List.of(reservation)).contains(reservation);
            } catch (Reservations.UnavailableException e) {
                throw ProblemException.unavailable("Stream reservations cannot be checked now (stream-counter does not answer); try again shortly.");
            }
            if (!live) {
                liveUntil.remove(reservation);
                throw ProblemException.notFound("The live stream's reservation was released or lapsed: start a new stream.");
            }
            liveUntil.put(reservation, now + recheckNanos);
        }
        return new Admitted(reservation, id.agency(), new PullKey(id.camera(), v));
    }

    /** Forgets what was believed of reservations checked long ago. */
    public void forgetStale() {
        long now = nanos.getAsLong();
        liveUntil.values().removeIf(until -> until < now);
    }

    /** A reservation found ended elsewhere is not believed live any longer. */
    public void ended(String reservation) {
        liveUntil.remove(reservation);
    }
}
