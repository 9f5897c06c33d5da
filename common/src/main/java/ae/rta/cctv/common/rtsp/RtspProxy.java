package ae.rta.cctv.playback.adapter.out.rtsp;

import ae.rta.cctv.common.rtsp.RtspAuthenticator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
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
 * {@code rtsp://127.0.0.1:<port>/replay/<token>} over TCP (interleaved RTP), without credentials; each connection is
 * tied to one registered upstream replay, whose server sees an ordinary ONVIF replay client. The proxy logs in itself
 * with the upstream URL's user-info: a Digest is computed over the URL the upstream sees, which FFmpeg cannot know.
 * Interleaved frames are copied both ways as they are; requests are rewritten, answers only get the client's CSeq back.
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

    /** Registers a replay. @return the local URL FFmpeg should open (no credentials: the proxy logs in) and its token */
    public Registration register(Target target) {
        String token = UUID.randomUUID().toString().replace("-", "");
        targets.put(token, target);
        return new Registration("rtsp://127.0.0.1:" + server.getLocalPort() + PREFIX + token, () -> targets.remove(token));
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
            RtspMessage first = RtspMessage.read(fromClient);
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
                Session session = new Session(target, PREFIX + token, upstream.getOutputStream());
                InputStream fromUpstream = new BufferedInputStream(upstream.getInputStream());
                Thread back = Thread.ofVirtual().name("rtsp-replay-downstream")
                        .start(() -> answer(fromUpstream, client, session));
                for (RtspMessage m = first; m != null; m = RtspMessage.next(fromClient, session::frame)) {
                    session.send(m, false);
                }
                back.join();
            }
        } catch (IOException | URISyntaxException e) {
            log.debug("RTSP replay proxy connection ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /* Passes the upstream's frames and answers to the client, except challenges the session answers itself. */
    private static void answer(InputStream fromUpstream, Socket client, Session session) {
        try {
            OutputStream toClient = client.getOutputStream();
            RtspMessage.Frames frames = frame -> {
                toClient.write(frame);
                toClient.flush();
            };
            for (RtspMessage m = RtspMessage.next(fromUpstream, frames); m != null; m = RtspMessage.next(fromUpstream, frames)) {
                RtspMessage answer = m.isResponse() ? session.answer(m) : m;
                if (answer != null) {
                    toClient.write(answer.bytes());
                    toClient.flush();
                }
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

    /*
     * One client connection's requests as the upstream sees them. Concurrency: the client's thread sends requests and
     * frames, the answering thread resends a challenged request; both write under this object's lock. The upstream
     * sees CSeq numbers shifted by the resends so far (a resend is a new request), and each answer gets the client's
     * number back from the map of requests sent.
     */
    private static final class Session {

        private record Sent(RtspMessage request, boolean resent) {
        }

        private final Target target;
        private final String local;
        private final String base;
        private final OutputStream toUpstream;
        private final RtspAuthenticator login;
        private final Map<Integer, Sent> sent = new ConcurrentHashMap<>();
        private int shift;

        Session(Target target, String local, OutputStream toUpstream) throws URISyntaxException {
            URI up = target.upstream();
            this.target = target;
            this.local = local;
            this.base = new URI(up.getScheme(), null, up.getHost(), up.getPort(), up.getPath(), up.getQuery(), null).toString();
            this.toUpstream = toUpstream;
            this.login = RtspAuthenticator.fromUserInfo(up);
        }

        synchronized void frame(byte[] frame) throws IOException {
            toUpstream.write(frame);
            toUpstream.flush();
        }

        /** Sends a client's request as the upstream must see it: its URL, clock range, Require, CSeq and login. */
        synchronized void send(RtspMessage request, boolean resend) throws IOException {
            if (resend) {
                shift++;
            }
            int cseq = request.cseq() + shift;
            int at = request.uri().indexOf(local);
            String url = at < 0 ? request.uri() : base + request.uri().substring(at + local.length());
            String[] line = request.startLine().split(" ", 3);
            boolean play = request.method().toUpperCase(Locale.ROOT).equals("PLAY");
            List<String> replaced = new ArrayList<>(List.of("CSeq", "Authorization"));
            if (play) {
                replaced.add("Range");
            }
            if (target.require() != null) {
                replaced.add("Require");
            }
            RtspMessage out = request.withStartLine(line[0] + " " + url + " " + line[2])
                    .without(replaced.toArray(String[]::new))
                    .with("CSeq", cseq)
                    .with("Range", play ? target.range() : null)
                    .with("Require", target.require())
                    .with("Authorization", login == null ? null : login.authorization(request.method(), url));
            sent.put(cseq, new Sent(request, resend));
            toUpstream.write(out.bytes());
            toUpstream.flush();
        }

        /** The answer the client gets, or null when a challenge was answered by sending the request again. */
        RtspMessage answer(RtspMessage response) throws IOException {
            Sent request = response.header("CSeq") == null ? null : sent.remove(response.cseq());
            if (request == null) {
                return response;
            }
            if (response.status() == 401 && login != null && !request.resent()
                    && login.challenged(response.headers("WWW-Authenticate"))) {
                send(request.request(), true);
                return null;
            }
            return response.replacing("CSeq", request.request().header("CSeq"));
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
