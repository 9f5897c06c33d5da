package ae.rta.cctv.common.rtsp;

import ae.rta.cctv.common.security.Secrets;
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
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback RTSP proxy through which FFmpeg reads a camera or an upstream replay without being handed its login:
 * FFmpeg opens {@code rtsp://127.0.0.1:<port>/proxy/<token>} over TCP (interleaved RTP), so no password is in its
 * command line for {@code ps} to show or in its error lines, and the proxy logs in to the upstream with the
 * registered URL's user-info (Digest in preference to Basic, {@link RtspAuthenticator}; a Digest is computed over the
 * URL the upstream sees). It can also add what FFmpeg's RTSP client cannot send: an absolute clock range on PLAY
 * ({@code Range: clock=...}, ONVIF replay) and a {@code Require} header on every request.
 *
 * <p>The proxy listens on the loopback interface only. A connection is tied to one registration by the token in its
 * first request's URL (128 random bits); any other gets 404. Closing a registration refuses new connections for it
 * and ends those open. Interleaved frames are copied both ways as they are; requests are rewritten (URL, CSeq, login,
 * added headers), answers only get the client's CSeq back. An upstream that cannot be reached is answered
 * {@code 503} and why is kept for the registration ({@link Registration#failure}), as FFmpeg only sees the 503.
 * {@code rtsps} upstreams are reached over TLS, the certificate chain checked against the JDK's trust store as the
 * vms health probe does.
 */
public final class RtspProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RtspProxy.class);
    private static final String PREFIX = "/proxy/";
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What to proxy: the upstream URL (its login in the user-info, if any) and the headers to add.
     *
     * @param range the {@code Range} of every PLAY in place of FFmpeg's, or null to pass FFmpeg's on
     * @param require the {@code Require} of every request, or null for none
     */
    public record Target(URI upstream, String range, String require) {

        public Target {
            Objects.requireNonNull(upstream, "upstream");
        }

        /** @throws IllegalArgumentException for a URL that is no URI (the message does not repeat it: it may hold a login) */
        public static Target of(String url, String range, String require) {
            try {
                return new Target(new URI(url), range, require);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("the stream URL is not a valid URI");
            }
        }

        @Override
        public String toString() {
            return "Target[" + Secrets.mask(upstream.toString()) + "]";
        }
    }

    private final ServerSocket server;
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    public RtspProxy() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("the RTSP proxy cannot listen on the loopback interface", e);
        }
        Thread.ofVirtual().name("rtsp-proxy").start(this::accept);
    }

    /** Registers an upstream to proxy. @return the local URL FFmpeg should open, with no login in it */
    public Registration register(Target target) {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        String token = HexFormat.of().formatHex(bits);
        Registration registration = new Registration("rtsp://127.0.0.1:" + server.getLocalPort() + PREFIX + token, token,
                target, () -> registrations.remove(token));
        registrations.put(token, registration);
        return registration;
    }

    /**
     * Where FFmpeg should read a stream from: through this proxy when the URL carries a login, else the URL itself
     * (nothing to hide, no hop added).
     *
     * @throws IllegalArgumentException for a URL that is no URI, or one with a login that is not {@code rtsp(s)}
     */
    public Registration open(String url) {
        Target target = Target.of(url, null, null);
        if (target.upstream().getRawUserInfo() == null) {
            return new Registration(url, null, target, () -> { });
        }
        String scheme = String.valueOf(target.upstream().getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw new IllegalArgumentException("a stream URL with a login must be rtsp or rtsps, not " + scheme);
        }
        return register(target);
    }

    /** A registered upstream (or, from {@link #open}, a URL read directly). Closing it ends its connections. */
    public static final class Registration implements AutoCloseable {

        private final String url;
        private final String token;
        private final Target target;
        private final String shown;
        private final Runnable release;
        private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
        private volatile String failure;
        private boolean closed;

        private Registration(String url, String token, Target target, Runnable release) {
            this.url = url;
            this.token = token;
            this.target = target;
            this.shown = Secrets.mask(target.upstream().toString());
            this.release = release;
        }

        /** The URL for FFmpeg: loopback, without a login. */
        public String url() {
            return url;
        }

        /** Whether FFmpeg reads through the proxy (and so over TCP, interleaved). */
        public boolean proxied() {
            return token != null;
        }

        /** Why the proxy last could not reach the upstream, its URL masked; null when it never failed. */
        public String failure() {
            return failure;
        }

        /**
         * Text FFmpeg wrote about this stream as a person may read it: the loopback URL replaced by the upstream's,
         * masked, and any other credential masked too.
         */
        public String explain(String text) {
            if (text == null || token == null) {
                return Secrets.mask(text);
            }
            return Secrets.mask(text.replace(url, shown).replace(token, Secrets.MASK));
        }

        private synchronized boolean attach(Socket socket) {
            return !closed && connections.add(socket);
        }

        private void detach(Socket socket) {
            connections.remove(socket);
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            release.run();
            for (Socket s : List.copyOf(connections)) {
                closeQuietly(s);
            }
        }

        @Override
        public String toString() {
            return "Registration[" + shown + (proxied() ? ", proxied" : "") + "]";
        }
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().name("rtsp-proxy-connection").start(() -> serve(client));
            } catch (IOException e) {
                if (open) {
                    log.warn("RTSP proxy accept failed: {}", Secrets.mask(e.toString()));
                }
            }
        }
    }

    private void serve(Socket client) {
        Registration registration = null;
        Socket upstream = null;
        try (client) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            RtspMessage first = RtspMessage.read(fromClient);
            if (first == null) {
                return;
            }
            String token = token(first.uri());
            registration = token == null ? null : registrations.get(token);
            if (registration == null || !registration.attach(client)) {
                reply(client, first, "404 Not Found");
                return;
            }
            URI up = registration.target.upstream();
            try {
                upstream = connect(up);
            } catch (IOException e) {
                registration.failure = registration.shown + ": " + Secrets.mask(reason(e));
                reply(client, first, "503 Service Unavailable");
                return;
            }
            if (!registration.attach(upstream)) {
                closeQuietly(upstream);
                return;
            }
            Session session = new Session(registration.target, PREFIX + token, upstream.getOutputStream());
            InputStream fromUpstream = new BufferedInputStream(upstream.getInputStream());
            Thread back = Thread.ofVirtual().name("rtsp-proxy-downstream").start(() -> answer(fromUpstream, client, session));
            try {
                for (RtspMessage m = first; m != null; m = RtspMessage.next(fromClient, session::frame)) {
                    session.send(m, false);
                }
            } finally {
                closeQuietly(upstream); // the client is done: its upstream connection goes with it
            }
            back.join();
        } catch (IOException | IllegalArgumentException e) {
            log.debug("RTSP proxy connection ended: {}", Secrets.mask(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (upstream != null) {
                closeQuietly(upstream);
            }
            if (registration != null) {
                registration.detach(client);
                if (upstream != null) {
                    registration.detach(upstream);
                }
            }
        }
    }

    private static Socket connect(URI up) throws IOException {
        boolean tls = "rtsps".equalsIgnoreCase(up.getScheme());
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            socket.connect(new InetSocketAddress(up.getHost(), up.getPort() > 0 ? up.getPort() : tls ? 322 : 554),
                    CONNECT_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "the host does not resolve";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void reply(Socket client, RtspMessage request, String status) throws IOException {
        client.getOutputStream().write(("RTSP/1.0 " + status + "\r\nCSeq: " + request.header("CSeq") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
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

        Session(Target target, String local, OutputStream toUpstream) {
            URI up = target.upstream();
            this.target = target;
            this.local = local;
            this.base = UrlLogin.without(up).toString();
            this.toUpstream = toUpstream;
            this.login = RtspAuthenticator.fromUserInfo(up);
        }

        synchronized void frame(byte[] frame) throws IOException {
            toUpstream.write(frame);
            toUpstream.flush();
        }

        /** Sends a client's request as the upstream must see it: its URL, added headers, CSeq and login. */
        synchronized void send(RtspMessage request, boolean resend) throws IOException {
            if (resend) {
                shift++;
            }
            int cseq = request.cseq() + shift;
            int at = request.uri().indexOf(local);
            String url = at < 0 ? request.uri() : base + request.uri().substring(at + local.length());
            String[] line = request.startLine().split(" ", 3);
            String range = request.method().toUpperCase(Locale.ROOT).equals("PLAY") ? target.range() : null;
            List<String> replaced = new ArrayList<>(List.of("CSeq", "Authorization"));
            if (range != null) {
                replaced.add("Range");
            }
            if (target.require() != null) {
                replaced.add("Require");
            }
            RtspMessage out = request.withStartLine(line[0] + " " + url + " " + line[2])
                    .without(replaced.toArray(String[]::new))
                    .with("CSeq", cseq)
                    .with("Range", range)
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

    private static void closeQuietly(java.io.Closeable socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        open = false;
        closeQuietly(server);
        List.copyOf(registrations.values()).forEach(Registration::close);
    }
}
