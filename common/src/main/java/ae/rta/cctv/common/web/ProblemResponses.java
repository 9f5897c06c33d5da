package ae.rta.cctv.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes a problem+json answer from a servlet filter, where {@link ProblemHandler} does not reach. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** @param detail a fixed, caller-safe sentence with no quotes or backslashes */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
