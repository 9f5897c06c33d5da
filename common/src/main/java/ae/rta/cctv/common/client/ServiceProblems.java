package ae.rta.cctv.common.client;

import ae.rta.cctv.common.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Passes another service's 4xx problem on to this service's caller: same status, title, detail and extra
 * properties (such as the holder of a lock or the numbers of a full quota). Services write their 4xx details for
 * the end caller, so nothing internal leaks; 5xx answers are never passed on this way.
 */
public final class ServiceProblems {

    private static final Set<String> OWN = Set.of("type", "title", "status", "detail", "instance", "requestId");

    private ServiceProblems() {
    }

    public static ProblemException passOn(org.springframework.web.client.HttpStatusCodeException e) {
        ProblemDetail problem = null;
        try {
            problem = e.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException unreadable) {
            // not a problem+json body: answer with the status alone
        }
        String title = problem == null || problem.getTitle() == null ? e.getStatusText() : problem.getTitle();
        String detail = problem == null || problem.getDetail() == null ? "The request was refused." : problem.getDetail();
        Map<String, Object> properties = new LinkedHashMap<>();
        if (problem != null && problem.getProperties() != null) {
            problem.getProperties().forEach((k, v) -> {
                if (!OWN.contains(k)) {
                    properties.put(k, v);
                }
            });
        }
        return new ProblemException(e.getStatusCode(), title, detail, properties);
    }
}
