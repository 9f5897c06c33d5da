package ae.rta.cctv.live.adapter.out.http;

import ae.rta.cctv.live.application.port.out.Reservations;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The stream-counter's {@code POST /internal/reservations/live}, in batches it accepts. */
public final class HttpReservations implements Reservations {

    private static final int BATCH = 5_000;

    private final RestClient counter;

    public HttpReservations(RestClient counter) {
        this.counter = counter;
    }

    record Live(List<String> live) {
    }

    @Override
    public Set<String> live(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        Set<String> live = new HashSet<>();
        try {
            for (int from = 0; from < all.size(); from += BATCH) {
                Live reply = counter.post().uri("/internal/reservations/live")
                        .body(Map.of("ids", all.subList(from, Math.min(all.size(), from + BATCH))))
                        .retrieve().body(Live.class);
                if (reply != null && reply.live() != null) {
                    live.addAll(reply.live());
                }
            }
        } catch (RestClientException e) {
            throw new UnavailableException("the stream-counter did not answer: " + e.getMessage(), e);
        }
        return live;
    }
}
