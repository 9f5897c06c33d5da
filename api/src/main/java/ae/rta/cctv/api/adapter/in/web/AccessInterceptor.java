package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.AuditTrail;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/** Enforces {@link AccessPolicy} on the route Spring matched; a route without a rule is refused (fail closed). */
final class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    private final AuditTrail audit;

    AccessInterceptor(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Optional<AccessPolicy.Rule> rule = AccessPolicy.ruleFor(request.getMethod(), pattern);
        if (rule.isEmpty()) {
            log.error("route {} {} has no access rule; refused until AccessPolicy names it", request.getMethod(), pattern);
            throw ProblemException.forbidden("This route is not open to anyone yet.");
        }
        if (rule.get().isPublic()) {
            return true;
        }
        Caller caller = Requests.caller(request)
                .orElseThrow(() -> ProblemException.unauthorized("This route needs a valid bearer access token."));
        if (!rule.get().roles().contains(caller.role())) {
            audit.record(caller, AuditAction.ACCESS_DENIED, request.getMethod() + " " + pattern, AuditOutcome.DENIED,
                    "role " + caller.role() + " may not do this", Requests.origin(request));
            throw ProblemException.forbidden("Your role (" + caller.role() + ") may not do this.");
        }
        return true;
    }
}
