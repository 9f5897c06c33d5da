package ae.rta.cctv.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that follows it across services: taken from {@value #HEADER} when the caller sent a
 * well-formed one, generated otherwise, put in the logging context and echoed on the response.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The service a log line comes from, where several run in one JVM (ECS keeps "service" for itself). */
    public static final String SERVICE_MDC_KEY = "cctvService";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    /** One line per request (method, path, status, time), with the request id; {@code /health} and {@code /metrics} are left out. */
    private static final Logger access = LoggerFactory.getLogger("ae.rta.cctv.access");
    private static final Set<String> QUIET = Set.of("/health", "/metrics");

    private final String service;

    public RequestIdFilter(String service) {
        this.service = service;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String requestId = offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, requestId);
        MDC.put(RequestIdFilter.SERVICE_MDC_KEY, service);
        response.setHeader(HEADER, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isInfoEnabled() && !QUIET.contains(request.getRequestURI())) {
                access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(MDC_KEY);
            MDC.remove(RequestIdFilter.SERVICE_MDC_KEY);
        }
    }
}
