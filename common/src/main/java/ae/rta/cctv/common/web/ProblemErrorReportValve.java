package ae.rta.cctv.common.web;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers as problem+json, in place of its HTML page: what the container refuses before any
 * filter or controller runs (an unreadable request line, an oversized header, a bad {@code Content-Length}, an
 * undecodable URI). An oversized header block is 431 and an oversized request line 414, as RFC 6585 and RFC 9110 say,
 * where Tomcat would answer 400 for both. Nothing of the request or the failure is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Throwable cause = throwable != null ? throwable
                : request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        if (status == 400 && tooLarge(cause)) {
            status = request.getRequestURI() == null || request.getRequestURI().isEmpty() ? 414 : 431;
            response.setStatus(status);
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 414 -> "The request line is longer than this server accepts.";
            case 431 -> "The request headers are larger than this server accepts.";
            default -> status >= 500
                    ? "The server failed to handle this request; quote the request id when reporting it."
                    : "The request could not be read: " + title + ".";
        };
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.body(status, title, detail, null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response cannot take a body any more: nothing more to tell it.
        }
    }

    private static boolean tooLarge(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("too large")) {
                return true;
            }
        }
        return false;
    }
}
