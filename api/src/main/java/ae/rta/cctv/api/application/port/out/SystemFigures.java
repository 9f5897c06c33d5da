package ae.rta.cctv.api.application.port.out;

import java.util.Map;
import java.util.Optional;

/** Figures other services publish about themselves, for the monitoring page. */
public interface SystemFigures {

    /**
     * The current values of a service's gauges, by metric name (summed over their label sets); a gauge the service
     * does not publish is absent.
     *
     * @param service {@code recording} or {@code storage}
     * @return empty when the service does not answer
     */
    Optional<Map<String, Double>> gauges(String service, java.util.Set<String> names);
}
