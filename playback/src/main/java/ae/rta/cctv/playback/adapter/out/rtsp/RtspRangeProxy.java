package ae.rta.cctv.playback.adapter.out.rtsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback RTSP proxy that adds what FFmpeg's RTSP client cannot send: an absolute clock range on PLAY
 * ({@code Range: clock=...}, ONVIF replay) and {@code Require: onvif-replay} on every request. FFmpeg connects to
 * {@code rtsp://127.0.0.1:<port>/replay/<token>} over TCP (interleaved RTP); each connection is tied to one registered
 * upstream replay, whose server sees an ordinary ONVIF replay client. Everything the server sends, and the client's
 * interleaved RTCP, is copied as it is; only the client's requests are rewritten.
 */
public final class RtspRangeProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RtspRangeProxy.class);
    private static final String PREFIX = "/replay/";

    /** One replay to proxy: the upstream URL (credentials in its user-info, if any) and the headers to add. */
    public record Target(URI upstream, String range, String require) {
    }

    private final ServerSocket server;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    public RtspRangeProxy() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("the RTSP replay proxy cannot listen on the loopback interface", e);
        }
        Thread.ofVirtual().name("rtsp-replay-proxy").start(this::accept);
    }

    /** Registers a replay. @return the local URL FFmpeg should open (with the upstream's user-info) and its token */
    public Registration register(Target target) {
        String token = UUID.randomUUID().toString().replace("-", "");
        targets.put(token, target);
        String userInfo = target.upstream().getRawUserInfo();
        String local = "rtsp://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + server.getLocalPort() + PREFIX + token;
        return new Registration(local, () -> targets.remove(token));
    }

    /** A registered replay; closing it refuses new connections for it (open ones run on). */
    public record Registration(String url, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().name("rtsp-replay-connection").start(() -> serve(client));
            } catch (IOException e) {
                if (open) {
                    log.warn("RTSP replay proxy accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            Message first = Message.read(fromClient);
            if (first == null) {
                return;
            }
            String token = token(first.uri());
            Target target = token == null ? null : targets.get(token);
            if (target == null) {
                client.getOutputStream().write(("RTSP/1.0 404 Not Found\r\nCSeq: " + first.header("CSeq") + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            URI up = target.upstream();
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(up.getHost(), up.getPort() > 0 ? up.getPort() : 554), 10_000);
                OutputStream toUpstream = upstream.getOutputStream();
                InputStream fromUpstream = upstream.getInputStream();
                OutputStream toClient = client.getOutputStream();
                Thread back = Thread.ofVirtual().name("rtsp-replay-downstream").start(() -> copy(fromUpstream, toClient, client));
                String local = PREFIX + token;
                String base = new URI(up.getScheme(), null, up.getHost(), up.getPort(), up.getPath(), up.getQuery(), null).toString();
                Message m = first;
                while (m != null) {
                    toUpstream.write(m.rewritten(local, base, target).getBytes(StandardCharsets.ISO_8859_1));
                    toUpstream.write(m.body());
                    toUpstream.flush();
                    m = next(fromClient, toUpstream);
                }
                back.join();
            }
        } catch (IOException | java.net.URISyntaxException e) {
            log.debug("RTSP replay proxy connection ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /* Copies interleaved binary frames ($ channel length payload) through; returns the next RTSP request, or null. */
    private static Message next(InputStream in, OutputStream out) throws IOException {
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '$') {
                byte[] header = in.readNBytes(3);
                if (header.length < 3) {
                    return null;
                }
                int length = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
                out.write('$');
                out.write(header);
                out.write(in.readNBytes(length));
                out.flush();
                continue;
            }
            in.reset();
            return Message.read(in);
        }
    }

    private static void copy(InputStream in, OutputStream out, Socket client) {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: the other follows
        } finally {
            try {
                client.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String token(String uri) {
        int at = uri.indexOf(PREFIX);
        if (at < 0) {
            return null;
        }
        String rest = uri.substring(at + PREFIX.length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** One RTSP request: request line, headers, body. */
    record Message(String method, String uri, String version, List<String> headers, byte[] body) {

        static Message read(InputStream in) throws IOException {
            String requestLine = line(in);
            while (requestLine != null && requestLine.isEmpty()) {
                requestLine = line(in);
            }
            if (requestLine == null) {
                return null;
            }
            String[] parts = requestLine.split(" ", 3);
            if (parts.length < 3) {
                throw new IOException("not an RTSP request: " + requestLine);
            }
            List<String> headers = new ArrayList<>();
            int length = 0;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                headers.add(h);
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).strip());
                }
            }
            return new Message(parts[0], parts[1], parts[2], headers, in.readNBytes(length));
        }

        String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse("");
        }

        /** The request as the upstream must see it: its URL, the clock range on PLAY, Require on every request. */
        String rewritten(String local, String base, Target target) {
            int at = uri.indexOf(local);
            String url = at < 0 ? uri : base + uri.substring(at + local.length());
            StringBuilder out = new StringBuilder(method).append(' ').append(url).append(' ').append(version).append("\r\n");
            boolean play = method.toUpperCase(Locale.ROOT).equals("PLAY");
            for (String h : headers) {
                String lower = h.toLowerCase(Locale.ROOT);
                if ((play && lower.startsWith("range:")) || (target.require() != null && lower.startsWith("require:"))) {
                    continue;
                }
                out.append(h).append("\r\n");
            }
            if (play && target.range() != null) {
                out.append("Range: ").append(target.range()).append("\r\n");
            }
            if (target.require() != null) {
                out.append("Require: ").append(target.require()).append("\r\n");
            }
            return out.append("\r\n").toString();
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                if (line.size() > 8192) {
                    throw new IOException("RTSP header line too long");
                }
                line.write(b);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
