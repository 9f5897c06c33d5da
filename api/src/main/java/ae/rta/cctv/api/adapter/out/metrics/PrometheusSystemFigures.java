package ae.rta.cctv.api.adapter.out.metrics;

import ae.rta.cctv.api.application.port.out.SystemFigures;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link SystemFigures} read from each service's own Prometheus text ({@code GET /metrics}): the figures the
 * observability stack scrapes, so the monitoring page and the dashboards agree. With several instances of a service
 * behind one URL, this reads whichever instance answers.
 */
public final class PrometheusSystemFigures implements SystemFigures {

    private final Map<String, RestClient> services;

    /** @param services a client per service name, each with the service's base URL */
    public PrometheusSystemFigures(Map<String, RestClient> services) {
        this.services = Map.copyOf(services);
    }

    @Override
    public Optional<Map<String, Double>> gauges(String service, Set<String> names) {
        RestClient client = services.get(service);
        if (client == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        String text;
        try {
            text = client.get().uri("/metrics").accept(org.springframework.http.MediaType.TEXT_PLAIN).retrieve().body(String.class);
        } catch (RestClientException e) {
            return Optional.empty();
        }
        return Optional.of(parse(text == null ? "" : text, names));
    }

    /** Sums each wanted metric's samples over their label sets; comments and other metrics are skipped. */
    static Map<String, Double> parse(String text, Set<String> names) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = indexOfAny(line, '{', ' ');
            if (nameEnd < 0) {
                continue;
            }
            String name = line.substring(0, nameEnd);
            if (!names.contains(name)) {
                continue;
            }
            int valueStart = line.indexOf('}') >= 0 ? line.indexOf('}') + 1 : nameEnd;
            String[] rest = line.substring(valueStart).strip().split("\\s+");
            try {
                double value = Double.parseDouble(rest[0]);
                if (!Double.isNaN(value)) {
                    values.merge(name, value, Double::sum);
                }
            } catch (NumberFormatException e) {
                // a malformed sample adds nothing, as a NaN does
            }
        }
        return values;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
