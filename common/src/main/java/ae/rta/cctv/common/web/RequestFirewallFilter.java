package ae.rta.cctv.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 problem+json and before anything reads it, a request whose path is not in its one plain form
 * ({@link RequestPaths#irregularity}) or whose query string is not valid percent-encoded UTF-8 or carries more than
 * {@code maxParameters} parameters. So no layer below ever sees a spelling another layer could read differently, and
 * the container's own parameter parser (which fails with an exception on such input) is only given what it can read.
 */
public class RequestFirewallFilter extends OncePerRequestFilter {

    private final int maxParameters;

    public RequestFirewallFilter(int maxParameters) {
        this.maxParameters = maxParameters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = RequestPaths.irregularity(request.getRequestURI())
                .or(() -> queryProblem(request.getQueryString()));
        if (problem.isPresent()) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, problem.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<String> queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        int parameters = 0;
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++parameters > maxParameters) {
                return Optional.of("The query has more than " + maxParameters + " parameters.");
            }
            if (RequestPaths.strictDecode(pair.replace('+', ' ')).isEmpty()) {
                return Optional.of("The query is not valid percent-encoded UTF-8.");
            }
        }
        return Optional.empty();
    }
}
