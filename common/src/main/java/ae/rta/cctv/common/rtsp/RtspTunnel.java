package ae.rta.cctv.common.rtsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * RTSP tunnelled over HTTP, for cameras that are reached only through an HTTP port (Apple's "Tunneling QuickTime
 * RTSP and RTP over HTTP", as live555, GStreamer's RTSP server, Axis cameras and FFmpeg's {@code -rtsp_transport http}
 * speak it): a GET whose response body carries the server's RTSP answers and interleaved media, and a POST whose body
 * carries the client's RTSP requests, each base64-encoded, tied together by an {@code x-sessioncookie}. Both go to the
 * URL's host and port (554 when it names none), as FFmpeg does: a camera that tunnels on its HTTP port is configured
 * as {@code rtsp://host:80/path}.
 * A GET refused with HTTP 401 is not answered with a login: the RTSP requests inside carry it.
 */
public final class RtspTunnel implements Closeable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket get;
    private final Socket post;
    private final InputStream in;
    private final OutputStream out;

    private RtspTunnel(Socket get, Socket post, InputStream in, OutputStream out) {
        this.get = get;
        this.post = post;
        this.in = in;
        this.out = out;
    }

    /**
     * Opens both halves.
     *
     * @throws IOException when either connection fails or the GET is not answered 200 with the tunnelled type
     */
    public static RtspTunnel open(URI url, int timeoutMillis) throws IOException {
        return open(url, timeoutMillis, 0);
    }

    /**
     * As {@link #open(URI, int)}, with a read timeout on the answering (GET) connection once it is open.
     *
     * @param readTimeoutMillis 0 for none
     */
    public static RtspTunnel open(URI url, int timeoutMillis, int readTimeoutMillis) throws IOException {
        String cookie = HexFormat.of().formatHex(RANDOM.generateSeed(11));
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        String host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        Socket get = connect(url, timeoutMillis);
        Socket post = null;
        try {
            get.setSoTimeout(timeoutMillis);
            OutputStream getOut = get.getOutputStream();
            getOut.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: RTA-CCTV\r\nx-sessioncookie: "
                    + cookie + "\r\nAccept: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\n"
                    + "Cache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            getOut.flush();
            InputStream in = new BufferedInputStream(get.getInputStream());
            String status = line(in);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].equals("200")) {
                throw new IOException("the camera refused the HTTP tunnel: " + (status.isEmpty() ? "no answer" : status));
            }
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                // Content-Type application/x-rtsp-tunnelled, Cache-Control, Server: nothing more is needed
            }
            get.setSoTimeout(readTimeoutMillis);
            post = connect(url, timeoutMillis);
            OutputStream postOut = post.getOutputStream();
            postOut.write(("POST " + path + " HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: RTA-CCTV\r\nx-sessioncookie: "
                    + cookie + "\r\nContent-Type: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\n"
                    + "Cache-Control: no-cache\r\nContent-Length: 32767\r\nExpires: Sun, 9 Jan 1972 00:00:00 GMT\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            postOut.flush();
            return new RtspTunnel(get, post, in, new Base64Out(postOut));
        } catch (IOException | RuntimeException e) {
            closeQuietly(get);
            if (post != null) {
                closeQuietly(post);
            }
            throw e;
        }
    }

    /** What the server sends: RTSP answers and interleaved frames, as on a plain RTSP connection. */
    public InputStream in() {
        return in;
    }

    /** Where requests go: each flush sends what was written since, base64-encoded, on the POST connection. */
    public OutputStream out() {
        return out;
    }

    /** Both connections, for whoever closes them when the session ends. */
    public List<Socket> sockets() {
        return List.of(get, post);
    }

    @Override
    public void close() {
        closeQuietly(post);
        closeQuietly(get);
    }

    private static Socket connect(URI url, int timeoutMillis) throws IOException {
        return RtspAddress.connect(url, timeoutMillis);
    }


    /* One header line without its CRLF; empty at the end of the headers (or of the stream). */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 8192) {
                throw new IOException("an HTTP header line longer than 8 KiB");
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /* Buffers what is written and sends it base64-encoded at each flush: every message a whole base64 unit. */
    private static final class Base64Out extends OutputStream {
        private final OutputStream post;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Base64Out(OutputStream post) {
            this.post = post;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            if (pending.size() == 0) {
                return;
            }
            post.write(Base64.getEncoder().encode(pending.toByteArray()));
            post.flush();
            pending.reset();
        }

        @Override
        public void close() throws IOException {
            flush();
            post.close();
        }
    }
}
