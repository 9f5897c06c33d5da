package ae.rta.cctv.common.security;

import ae.rta.cctv.common.web.ProblemResponses;
import ae.rta.cctv.common.web.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves {@code /metrics} only to scrapers: callers on the loopback interface, callers whose address is in
 * {@code cctv.metrics.allow} (CIDR ranges), and callers presenting {@code Authorization: Bearer <cctv.metrics.token>}.
 * Anyone else gets 403. Metrics name cameras, agencies and load, which is reconnaissance for an attacker.
 */
public class MetricsAccessFilter extends OncePerRequestFilter {

    private final AddressRanges allowed;
    private final byte[] token;

    /** @param token the scrapers' bearer token, or null/blank for none */
    public MetricsAccessFilter(AddressRanges allowed, String token) {
        this.allowed = allowed;
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isUnder(request.getRequestURI(), "/metrics");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (AddressRanges.isLoopback(peer) || allowed.contains(peer) || bearerMatches(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                "Metrics are served to loopback, to the configured scrapers (CCTV_METRICS_ALLOW) and to the metrics token.");
    }

    private boolean bearerMatches(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (token == null || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
