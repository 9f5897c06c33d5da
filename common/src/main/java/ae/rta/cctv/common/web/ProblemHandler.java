package ae.rta.cctv.common.web;

import ae.rta.cctv.common.security.Secrets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that leaves a controller into RFC 9457 problem+json.
 * Spring MVC's own exceptions (unknown route, wrong method, malformed body, type mismatch) get their standard
 * status; {@link ProblemException} carries its own; a command's {@link IllegalArgumentException} is the caller's
 * fault (400); anything else is logged with its stack trace and answered 500 without one.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> invalidInput(IllegalArgumentException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, safe(e.getMessage()));
        body.setTitle("Bad Request");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** The container could not read the query or form parameters (bad encoding, too many): the caller's fault. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameters(Exception e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request parameters could not be read (bad encoding or too many).");
        body.setTitle("Bad Request");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        body.setTitle("Content Too Large");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("unhandled error", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to handle this request; quote the request id when reporting it.");
        body.setTitle("Internal Server Error");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Optional<PayloadTooLargeException> tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get(), request);
        }
        String detail = causeOf(e, IllegalArgumentException.class)
                .map(iae -> safe(iae.getMessage()))
                .orElse("The request body is not valid JSON of the expected shape.");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Bad Request");
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            String requestId = MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
        }
        return response;
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Keeps a caller-facing message short, single-line and without credentials: it may echo what the caller sent. */
    static String safe(String message) {
        if (message == null || message.isBlank()) {
            return "The request is not valid.";
        }
        String oneLine = Secrets.mask(message.replaceAll("[\\r\\n\\t]+", " "));
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
