package ae.rta.cctv.playback.adapter.out.rtsp;

import ae.rta.cctv.common.rtsp.RtspAuthenticator;
import ae.rta.cctv.common.rtsp.RtspMessage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The RTSP side of an XProtect Open Network Bridge's replay, for tests, in front of a real RTSP server (the GStreamer
 * test camera) that stands for the recordings. It behaves as the ONVIF Streaming Specification has a replay server
 * behave: Digest login demanded on every request (nonce count checked, Basic refused), {@code 551 Option not
 * supported} unless the request carries {@code Require: onvif-replay} and, for PLAY, {@code Range: clock=}. Requests
 * that pass are relayed to the camera without those headers (GStreamer refuses {@code Require}), its URL in place of
 * the bridge's {@code /vod/<token>}; answers come back with the bridge's URL as Content-Base. It records the clock
 * ranges it was asked for and counts logins.
 */
public final class FakeReplayBridge implements AutoCloseable {

    private static final String REALM = "Milestone ONVIF Bridge";

    private final String username;
    private final String password;
    private final URI camera;
    private final ServerSocket server;
    private final List<String> clockRanges = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger goodLogins = new AtomicInteger();
    private final AtomicInteger badLogins = new AtomicInteger();
    private final AtomicInteger refusedOptions = new AtomicInteger();
    private volatile boolean open = true;

    public FakeReplayBridge(String username, String password, String cameraUrl) {
        this.username = username;
        this.password = password;
        this.camera = URI.create(cameraUrl);
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("fake-replay-bridge").start(this::accept);
    }

    /** The replay URL prefix the bridge's ONVIF service hands out: a recording's is {@code prefix + token}. */
    public String replayPrefix() {
        return "rtsp://127.0.0.1:" + server.getLocalPort() + "/vod/";
    }

    /** The {@code Range} values of the PLAY requests that were relayed. */
    public List<String> clockRanges() {
        return List.copyOf(clockRanges);
    }

    /** Requests answered 401 because they had no Authorization. */
    public int challenges() {
        return challenges.get();
    }

    /** Requests whose Digest was right for their method, URL and nonce count. */
    public int goodLogins() {
        return goodLogins.get();
    }

    /** Requests with a wrong Digest, a reused nonce count, or Basic. */
    public int badLogins() {
        return badLogins.get();
    }

    /** Requests refused 551 for a missing {@code Require: onvif-replay} or clock range. */
    public int refusedOptions() {
        return refusedOptions.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket client) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        int[] lastCount = {0};
        try (client; Socket upstream = new Socket()) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            OutputStream toCamera = null;
            for (RtspMessage m = RtspMessage.read(in); m != null; m = RtspMessage.next(in, frame -> { })) {
                String cseq = m.header("CSeq");
                String authorization = m.header("Authorization");
                if (authorization == null) {
                    challenges.incrementAndGet();
                    reply(out, "RTSP/1.0 401 Unauthorized", cseq, "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\""
                            + nonce + "\", qop=\"auth\", algorithm=MD5", "WWW-Authenticate: Basic realm=\"" + REALM + "\"");
                    continue;
                }
                if (!validDigest(m, authorization, nonce, lastCount)) {
                    badLogins.incrementAndGet();
                    reply(out, "RTSP/1.0 401 Unauthorized", cseq);
                    continue;
                }
                goodLogins.incrementAndGet();
                boolean play = m.method().equals("PLAY");
                String range = m.header("Range");
                if (!m.headers("Require").contains("onvif-replay") || (play && (range == null || !range.startsWith("clock=")))) {
                    refusedOptions.incrementAndGet();
                    reply(out, "RTSP/1.0 551 Option not supported", cseq, "Unsupported: onvif-replay");
                    continue;
                }
                if (play) {
                    clockRanges.add(range);
                }
                if (toCamera == null) {
                    upstream.connect(new InetSocketAddress(camera.getHost(), camera.getPort()));
                    toCamera = upstream.getOutputStream();
                    InputStream fromCamera = new BufferedInputStream(upstream.getInputStream());
                    String base = baseOf(m.uri());
                    Thread.ofVirtual().start(() -> relayAnswers(fromCamera, out, base));
                }
                RtspMessage relayed = m.withStartLine(m.method() + " " + cameraUrl(m.uri()) + " RTSP/1.0")
                        .without("Authorization", "Require", "Range");
                toCamera.write(relayed.bytes());
                toCamera.flush();
            }
        } catch (IOException e) {
            // the client or the camera closed
        }
    }

    private boolean validDigest(RtspMessage m, String authorization, String nonce, int[] lastCount) {
        if (!authorization.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = RtspAuthenticator.params(authorization);
        int count;
        try {
            count = Integer.parseInt(p.getOrDefault("nc", ""), 16);
        } catch (NumberFormatException e) {
            return false;
        }
        String expected = RtspAuthenticator.digestResponse("MD5", username, REALM, password, m.method(), m.uri(), nonce,
                p.get("nc"), p.get("cnonce"), "auth");
        boolean ok = username.equals(p.get("username")) && REALM.equals(p.get("realm")) && nonce.equals(p.get("nonce"))
                && m.uri().equals(p.get("uri")) && "auth".equals(p.get("qop")) && count > lastCount[0]
                && expected.equals(p.get("response"));
        if (ok) {
            lastCount[0] = count;
        }
        return ok;
    }

    /* rtsp://127.0.0.1:<port>/vod/<token>[/rest] becomes <camera>[/rest]; other URLs (the camera's own) stay. */
    private String cameraUrl(String uri) {
        String base = baseOf(uri);
        return uri.startsWith(base) && base.contains("/vod/") ? camera + uri.substring(base.length()) : uri;
    }

    private static String baseOf(String uri) {
        int vod = uri.indexOf("/vod/");
        if (vod < 0) {
            return uri;
        }
        int end = uri.indexOf('/', vod + 5);
        return end < 0 ? uri : uri.substring(0, end);
    }

    private void relayAnswers(InputStream fromCamera, OutputStream toClient, String base) {
        try {
            RtspMessage.Frames frames = frame -> write(toClient, frame);
            for (RtspMessage m = RtspMessage.next(fromCamera, frames); m != null; m = RtspMessage.next(fromCamera, frames)) {
                write(toClient, (m.header("Content-Base") == null ? m : m.replacing("Content-Base", base + "/")).bytes());
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void reply(OutputStream out, String status, String cseq, String... headers) throws IOException {
        RtspMessage answer = new RtspMessage(status, List.of("CSeq: " + cseq), new byte[0]);
        for (String h : headers) {
            int colon = h.indexOf(':');
            answer = answer.with(h.substring(0, colon), h.substring(colon + 1).strip());
        }
        write(out, answer.bytes());
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
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
