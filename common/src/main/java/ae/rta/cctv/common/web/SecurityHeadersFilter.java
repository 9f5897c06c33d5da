package ae.rta.cctv.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the browser security headers on every response, errors included: no sniffing, no framing, no referrer, a
 * content security policy, and HSTS when the request came over TLS. Set before the handler runs, so a handler that
 * knows better (a cacheable media file) can replace {@code Cache-Control}.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

    private final String contentSecurityPolicy;
    private final boolean noStore;

    public SecurityHeadersFilter(String contentSecurityPolicy, boolean noStore) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.noStore = noStore;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (noStore) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
