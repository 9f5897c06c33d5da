package ae.rta.cctv.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * Serves a file, or the part of it a link is for, answering a single {@code Range} request with 206 (what players
 * seek with). An unsatisfiable range is a 416 with {@code Content-Range: bytes *}{@code /size} and no body (Spring's
 * own resource handling set 416 and sent the whole file anyway). A request for several ranges, or a malformed
 * {@code Range}, is answered as if it had none (RFC 9110 lets a server ignore it).
 */
public final class FileRanges {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    private FileRanges() {
    }

    /**
     * The bytes a link may reach: {@code first} to {@code last}, inclusive.
     *
     * @throws IllegalArgumentException when {@code first} is negative or after {@code last}
     */
    public record Window(long first, long last) {
        public Window {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("a byte window is first-last with 0 <= first <= last");
            }
        }

        /** @throws IllegalArgumentException for anything but {@code first-last} */
        public static Window parse(String text) {
            Matcher m = WINDOW.matcher(text == null ? "" : text);
            if (!m.matches()) {
                throw new IllegalArgumentException("bytes must be first-last, such as 0-1023");
            }
            return new Window(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
    }

    /**
     * The bytes to answer a request with: {@code first} to {@code last} inclusive, as a 206 when {@code partial}.
     */
    public record Slice(long first, long last, boolean partial) {

        public long length() {
            return last - first + 1;
        }
    }

    /**
     * What to send of an object of {@code size} bytes for a request's {@code Range} header (null: none), when a link
     * allows only {@code window} of it (null: all of it); empty when the range cannot be satisfied (a 416). With a
     * window and no usable range, the window is answered as a 206.
     *
     * @throws ProblemException 403 when the range asks for bytes outside {@code window}
     */
    public static java.util.Optional<Slice> slice(String range, long size, Window window) {
        if (size <= 0 || (window != null && window.last() >= size)) {
            return java.util.Optional.empty();
        }
        long allowedFirst = window == null ? 0 : window.first();
        long allowedLast = window == null ? size - 1 : window.last();
        Matcher m = range == null ? null : SINGLE.matcher(range.strip());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return java.util.Optional.of(new Slice(allowedFirst, allowedLast, window != null));
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) { // the last n bytes
            long n = Long.parseLong(m.group(2));
            if (n == 0) {
                return java.util.Optional.empty();
            }
            first = Math.max(0, size - n);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                return java.util.Optional.empty();
            }
        }
        if (first < allowedFirst || last > allowedLast) {
            throw ProblemException.forbidden("This link is for bytes " + allowedFirst + "-" + allowedLast
                    + " of the object only.");
        }
        return java.util.Optional.of(new Slice(first, last, true));
    }

    /**
     * Sets the status and headers of the answer for {@code slice} of an object of {@code size} bytes, or the 416's
     * ({@code Content-Range: bytes *}{@code /size}, no body) when it is empty. @return whether a body must follow
     */
    public static boolean head(HttpServletRequest request, HttpServletResponse response, java.util.Optional<Slice> slice,
            long size, String contentType) {
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (slice.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            response.setContentLength(0);
            return false;
        }
        Slice s = slice.get();
        response.setContentType(contentType);
        response.setContentLengthLong(s.length());
        if (s.partial()) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + s.first() + "-" + s.last() + "/" + size);
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
        }
        return !"HEAD".equals(request.getMethod());
    }

    /**
     * Answers a request for {@code file} (or the part {@code window} allows, null: all of it) with its status,
     * {@code Content-Length}, {@code Content-Range} and {@code Accept-Ranges}. Set other headers before.
     *
     * @throws ProblemException 403 when the request asks for bytes outside {@code window}
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, Path file, String contentType,
            Window window) throws IOException {
        long size = java.nio.file.Files.size(file);
        java.util.Optional<Slice> slice = slice(request.getHeader(HttpHeaders.RANGE), size, window);
        if (!head(request, response, slice, size, contentType)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file); OutputStream out = response.getOutputStream()) {
            WritableByteChannel target = Channels.newChannel(out);
            long position = slice.get().first();
            long end = slice.get().last() + 1;
            while (position < end) {
                long sent = channel.transferTo(position, end - position, target);
                if (sent <= 0) {
                    break; // the file shrank under us: the client sees a short body
                }
                position += sent;
            }
        }
    }
}
