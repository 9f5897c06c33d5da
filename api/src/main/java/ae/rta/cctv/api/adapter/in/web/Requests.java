package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.MDC;

/** What the authentication filter leaves on a request for the rest of the web layer. */
final class Requests {

    static final String CALLER = "cctv.caller";

    private Requests() {
    }

    static Optional<Caller> caller(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(CALLER));
    }

    /** The client's address (Tomcat has already applied X-Forwarded-For from trusted proxies) and the request id. */
    static RequestOrigin origin(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), MDC.get(RequestIdFilter.MDC_KEY));
    }
}
