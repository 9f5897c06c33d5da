package ae.rta.cctv.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import ae.rta.cctv.common.web.ProblemResponses;
import ae.rta.cctv.common.web.RequestPaths;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /internal/**}: only a caller with a valid {@link ServiceCredentials} token gets through. The path is
 * read the widest way any layer could read it ({@link RequestPaths#canonical}: decoded, {@code ;} parameters dropped,
 * slashes merged, lower case), so no spelling of an internal path reaches a handler without a credential.
 */
public class InternalCallFilter extends OncePerRequestFilter {

    public static final String CALLER_ATTRIBUTE = "cctv.callerService";
    private final ServiceCredentials credentials;

    public InternalCallFilter(ServiceCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isUnder(request.getRequestURI(), "/internal");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> caller = header != null && header.startsWith("Bearer ")
                ? credentials.verify(header.substring(7).trim())
                : Optional.empty();
        if (caller.isEmpty()) {
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Internal endpoints need a service credential.");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }
}
