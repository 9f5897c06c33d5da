package ae.rta.cctv.common.client;

import io.micrometer.common.KeyValue;
import java.util.regex.Pattern;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Tags calls to other services with a bounded {@code uri}: the path template without its query, with ids folded to
 * {@code {id}}. A call built from a full string ({@code "/internal/cameras/" + id + "?start=..."}) would otherwise
 * make one time series per camera and per query, which Prometheus cannot afford.
 */
final class BoundedUriConvention extends DefaultClientRequestObservationConvention {

    private static final Pattern ID = Pattern.compile(
            "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Z][A-Z0-9_]{1,31}\\.[^/]+|\\d+)(?=/|$)");

    @Override
    protected KeyValue uri(ClientRequestObservationContext context) {
        KeyValue uri = super.uri(context);
        return KeyValue.of(uri.getKey(), bounded(uri.getValue()));
    }

    static String bounded(String uri) {
        int query = uri.indexOf('?');
        String path = query >= 0 ? uri.substring(0, query) : uri;
        return ID.matcher(path).replaceAll("/{id}");
    }
}
