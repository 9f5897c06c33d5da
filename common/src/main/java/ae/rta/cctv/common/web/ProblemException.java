package ae.rta.cctv.common.web;

import ae.rta.cctv.common.security.Secrets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error that the caller caused or must know about, rendered as RFC 9457 problem+json by {@link ProblemHandler}.
 * Throw it from controllers and use cases; never for bugs, which surface as a generic 500. Its detail often carries
 * text from outside (a camera's, FFmpeg's or another service's words), so credentials in it and in its text
 * properties are masked ({@link Secrets#mask}).
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatusCode status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ProblemException(HttpStatusCode status, String title, String detail, Map<String, ?> properties) {
        super(status, problem(status, title, detail, properties), null);
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail, Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Secrets.mask(detail));
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        properties.forEach((name, value) -> problem.setProperty(name, value instanceof String text ? Secrets.mask(text) : value));
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Bad Request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    /** A 429 whose {@code Retry-After} header and {@code retryAfterSeconds} property say when to come back. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds, Map<String, ?> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("retryAfterSeconds", retryAfterSeconds);
        ProblemException e = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", detail, all);
        e.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return e;
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", detail);
    }
}
