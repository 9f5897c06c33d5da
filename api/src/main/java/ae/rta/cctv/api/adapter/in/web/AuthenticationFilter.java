package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.BearerAuthenticator;
import ae.rta.cctv.api.application.port.out.RateLimiter;
import ae.rta.cctv.api.application.port.out.RateLimiter.Decision;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate of {@code /api/**}: every route but the public ones needs a valid bearer token (401 otherwise), and every
 * signed-in request takes a token from its user's and its agency's rate-limit buckets (429 with Retry-After).
 */
final class AuthenticationFilter extends OncePerRequestFilter {

    private final BearerAuthenticator authenticator;
    private final RateLimiter limiter;
    private final RateLimiter.Limit perUser;
    private final RateLimiter.Limit perAgency;
    private final MeterRegistry registry;

    AuthenticationFilter(BearerAuthenticator authenticator, RateLimiter limiter, RateLimiter.Limit perUser,
            RateLimiter.Limit perAgency, MeterRegistry registry) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.perUser = perUser;
        this.perAgency = perAgency;
        this.registry = registry;
        // Counted as limits refuse; registered now so they read 0 before the first refusal.
        registry.counter("cctv.api.rate.limited", "scope", "user");
        registry.counter("cctv.api.rate.limited", "scope", "agency");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || AccessPolicy.isPublic(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller;
        try {
            caller = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authenticator.authenticate(header.substring(7).trim())
                    : Optional.empty();
        } catch (DataAccessException e) {
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Sign-ins cannot be checked because the database does not answer; try again shortly.");
            return;
        }
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                    "This route needs a valid bearer access token: sign in at /api/v1/auth/login.");
            return;
        }
        Decision user = limiter.tryConsume("req:user:" + caller.get().subject(), perUser);
        Decision agency = user.granted() ? limiter.tryConsume("req:agency:" + caller.get().agency(), perAgency) : user;
        if (!agency.granted()) {
            String scope = user.granted() ? "agency" : "user";
            registry.counter("cctv.api.rate.limited", "scope", scope).increment();
            long seconds = Math.max(1, (agency.retryAfter().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests for this " + scope + "; retry after the time in Retry-After.");
            return;
        }
        request.setAttribute(Requests.CALLER, caller.get());
        MDC.put("user", caller.get().username());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("user");
        }
    }
}
