package ae.rta.cctv.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client will send as written: unnormalised paths
 * ({@code /internal;x}, {@code //internal}, {@code %2F}), raw bytes, broken headers. One request per connection.
 * A connection reset or a time-out is an answer with status 0, which every caller treats as a failure.
 */
public final class RawHttp {

    /** What came back: the status (0 when nothing readable did), the content type (or ""), the body. */
    public record Answer(int status, String contentType, String body) {
        public boolean isProblemJson() {
            return contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code method target} (the request target exactly as given) with {@code headers} lines. */
    public Answer send(String method, String target, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return sendBytes(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code method target} with a JSON {@code body} and {@code headers} lines. */
    public Answer sendJson(String method, String target, String body, String... headers) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n")
                .append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] head = request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + content.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return sendBytes(all);
    }

    /** Sends {@code bytes} as they are and reads the answer until the server closes. */
    public Answer sendBytes(byte[] bytes) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(0, "", "time-out");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Connection refused")) {
                throw new UncheckedIOException("nothing listens on port " + port, e);
            }
            return new Answer(0, "", e.toString());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, "", text);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        String contentType = "";
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            }
        }
        return new Answer(status, contentType, text.substring(end + 4));
    }
}
