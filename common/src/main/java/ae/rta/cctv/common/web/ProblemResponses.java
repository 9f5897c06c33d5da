package ae.rta.cctv.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes a problem+json answer where {@link ProblemHandler} does not reach: servlet filters and the container. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** @param detail a caller-safe sentence (it is JSON-escaped here) */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, status.value(), status.getReasonPhrase(), detail);
    }

    /** Writes status {@code status} with {@code title} and {@code detail}, and the request id when one is known. */
    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(body(status, title, detail, MDC.get(RequestIdFilter.MDC_KEY)));
    }

    /** The problem+json text of one answer; {@code requestId} may be null. */
    public static String body(int status, String title, String detail, String requestId) {
        StringBuilder json = new StringBuilder(160).append("{\"type\":\"about:blank\",\"title\":");
        quote(json, title).append(",\"status\":").append(status).append(",\"detail\":");
        quote(json, detail);
        if (requestId != null) {
            quote(json.append(",\"requestId\":"), requestId);
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
