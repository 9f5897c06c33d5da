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
     * @param transport how to reach the upstream's media: {@link Transport#AUTO} (interleaved TCP, then UDP when the
     *     upstream answers 461 Unsupported Transport), or one of them only
     */
    public record Target(URI upstream, String range, String require, Transport transport) {

        public Target {
            Objects.requireNonNull(upstream, "upstream");
            transport = transport == null ? Transport.AUTO : transport;
        }

        public Target(URI upstream, String range, String require) {
            this(upstream, range, require, Transport.AUTO);
        }

        /** @throws IllegalArgumentException for a URL that is no URI (the message does not repeat it: it may hold a login) */
        public static Target of(String url, String range, String require) {
            return of(url, range, require, Transport.AUTO);
        }

        /** As {@link #of(String, String, String)}, with a transport preference. */
        public static Target of(String url, String range, String require, Transport transport) {
            try {
                return new Target(new URI(url), range, require, transport);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("the stream URL is not a valid URI");
            }
        }

        @Override
        public String toString() {
            return "Target[" + Secrets.mask(upstream.toString()) + "]";
        }
    }

    /**
     * How the proxy reaches an upstream's media. FFmpeg always reads the proxy over interleaved TCP; the proxy turns
     * UDP from the upstream into interleaved frames when the upstream offers nothing else (VLC's RTSP server and many
     * small cameras answer 461 to a TCP SETUP). {@code AUTO} tries TCP first and remembers what worked per upstream.
     */
    public enum Transport {
        /** Interleaved TCP, then UDP when the upstream refuses it. */
        AUTO,
        TCP,
        UDP,
        /** RTSP tunnelled over HTTP ({@link RtspTunnel}), media interleaved inside it. */
        HTTP;

        /** {@code auto}, {@code tcp}, {@code udp} or {@code http} (any case); null or blank is AUTO. */
        public static Transport parse(String text) {
            if (text == null || text.isBlank()) {
                return AUTO;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "tcp" -> TCP;
                case "udp" -> UDP;
                case "http" -> HTTP;
                default -> throw new IllegalArgumentException("transport must be auto, tcp, udp or http");
            };
        }
    }

    private final ServerSocket server;
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    /* What each upstream (its URL without login) last needed: TCP or UDP, so a known UDP-only camera skips the 461. */
    private final Map<String, Transport> learned = new ConcurrentHashMap<>();
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
        return open(url, Transport.TCP);
    }

    /**
     * As {@link #open(String)}: through the proxy when the URL carries a login or the upstream may need UDP
     * ({@code transport} not TCP), else the URL itself.
     */
    public Registration open(String url, Transport transport) {
        Target target = Target.of(url, null, null, transport);
        if (target.upstream().getRawUserInfo() == null && target.transport() == Transport.TCP) {
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
        private volatile Transport used;
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

        /** How the upstream's media last came: TCP or UDP; null before a SETUP was answered (or when not proxied). */
        public Transport transport() {
            return used;
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
        RtspTunnel tunnel = null;
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
            OutputStream toUpstream;
            InputStream fromUpstream;
            try {
                if (registration.target.transport() == Transport.HTTP) {
                    tunnel = RtspTunnel.open(up, CONNECT_TIMEOUT_MILLIS);
                    toUpstream = tunnel.out();
                    fromUpstream = tunnel.in();
                } else {
                    upstream = connect(up);
                    toUpstream = upstream.getOutputStream();
                    fromUpstream = new BufferedInputStream(upstream.getInputStream());
                }
            } catch (IOException e) {
                registration.failure = registration.shown + ": " + Secrets.mask(reason(e));
                reply(client, first, "503 Service Unavailable");
                return;
            }
            List<Socket> upstreamSockets = tunnel != null ? tunnel.sockets() : List.of(upstream);
            for (Socket s : upstreamSockets) {
                if (!registration.attach(s)) {
                    upstreamSockets.forEach(RtspProxy::closeQuietly);
                    return;
                }
            }
            ClientOut toClient = new ClientOut(client.getOutputStream());
            Session session = new Session(registration, PREFIX + token, toUpstream, toClient, learned);
            Thread back = Thread.ofVirtual().name("rtsp-proxy-downstream").start(() -> answer(fromUpstream, client, toClient, session));
            try {
                for (RtspMessage m = first; m != null; m = RtspMessage.next(fromClient, session::frame)) {
                    session.send(m, false);
                }
            } finally {
                upstreamSockets.forEach(RtspProxy::closeQuietly); // the client is done: its upstream goes with it
                session.close();
            }
            back.join();
        } catch (IOException | IllegalArgumentException e) {
            log.debug("RTSP proxy connection ended: {}", Secrets.mask(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            List<Socket> upstreamSockets = tunnel != null ? tunnel.sockets() : upstream != null ? List.of(upstream) : List.of();
            upstreamSockets.forEach(RtspProxy::closeQuietly);
            if (registration != null) {
                registration.detach(client);
                upstreamSockets.forEach(registration::detach);
            }
        }
    }

    private static Socket connect(URI up) throws IOException {
        return RtspAddress.connect(up, CONNECT_TIMEOUT_MILLIS);
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
    private static void answer(InputStream fromUpstream, Socket client, ClientOut toClient, Session session) {
        try {
            RtspMessage.Frames frames = toClient::write;
            for (RtspMessage m = RtspMessage.next(fromUpstream, frames); m != null; m = RtspMessage.next(fromUpstream, frames)) {
                RtspMessage answer = m.isResponse() ? session.answer(m) : m;
                if (answer != null) {
                    toClient.write(answer.bytes());
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

    /** Writes to the client; the answering thread and the UDP receivers share it, so frames never interleave. */
    private static final class ClientOut {
        private final OutputStream out;

        ClientOut(OutputStream out) {
            this.out = out;
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }
    }

    /*
     * One client connection's requests as the upstream sees them. Concurrency: the client's thread sends requests and
     * frames, the answering thread resends a challenged (or refused-transport) request; both write under this
     * object's lock. The upstream sees CSeq numbers shifted by the resends so far (a resend is a new request), and
     * each answer gets the client's number back from the map of requests sent.
     *
     * Transport: FFmpeg asks for interleaved TCP. When the upstream answers a TCP SETUP with 461 (Unsupported
     * Transport) and the target allows it, the SETUP is sent again for UDP from a pair of local ports; the answer the
     * client gets says interleaved TCP on the channels it asked for, and every datagram from the upstream is written
     * to the client as an interleaved frame of that channel (RTP on the first, RTCP on the second). The client's
     * RTCP (receiver reports) goes back to the upstream's RTCP port. A target whose upstream is known to need UDP
     * starts with UDP.
     */
    private static final class Session implements AutoCloseable {

        /** @param transport the Transport header the upstream was sent in place of the client's, or null */
        private record Sent(RtspMessage request, boolean resent, String transport, UdpPair udp) {
        }

        private final Registration registration;
        private final Target target;
        private final String local;
        private final String base;
        private final OutputStream toUpstream;
        private final ClientOut toClient;
        private final Map<String, Transport> learned;
        private final RtspAuthenticator login;
        private final Map<Integer, Sent> sent = new ConcurrentHashMap<>();
        private final Map<Integer, UdpPair> byRtcpChannel = new ConcurrentHashMap<>();
        private final List<UdpPair> pairs = new java.util.concurrent.CopyOnWriteArrayList<>();
        private int shift;

        Session(Registration registration, String local, OutputStream toUpstream, ClientOut toClient,
                Map<String, Transport> learned) {
            URI up = registration.target.upstream();
            this.registration = registration;
            this.target = registration.target;
            this.local = local;
            this.base = UrlLogin.without(up).toString();
            this.toUpstream = toUpstream;
            this.toClient = toClient;
            this.learned = learned;
            this.login = RtspAuthenticator.fromUserInfo(up);
        }

        synchronized void frame(byte[] frame) throws IOException {
            UdpPair udp = frame.length >= 4 ? byRtcpChannel.get(frame[1] & 0xff) : null;
            if (udp != null) {
                udp.sendRtcp(frame, 4, frame.length - 4);
                return;
            }
            if (!pairs.isEmpty()) {
                return; // media the client sends on an RTP channel of a UDP track: nothing upstream expects it
            }
            toUpstream.write(frame);
            toUpstream.flush();
        }

        private boolean startsWithUdp() {
            return target.transport() == Transport.UDP
                    || (target.transport() == Transport.AUTO && learned.get(base) == Transport.UDP);
        }

        /** Sends a client's request as the upstream must see it: its URL, added headers, CSeq and login. */
        synchronized void send(RtspMessage request, boolean resend) throws IOException {
            String transport = null;
            UdpPair udp = null;
            if (request.method().equalsIgnoreCase("SETUP") && startsWithUdp() && isInterleaved(request.header("Transport"))) {
                udp = UdpPair.open(InetAddress.getByName(target.upstream().getHost()), channels(request.header("Transport")));
                transport = udp.transport();
            }
            send(request, resend, transport, udp);
        }

        private synchronized void send(RtspMessage request, boolean resend, String transport, UdpPair udp) throws IOException {
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
            if (transport != null) {
                replaced.add("Transport");
            }
            RtspMessage out = request.withStartLine(line[0] + " " + url + " " + line[2])
                    .without(replaced.toArray(String[]::new))
                    .with("CSeq", cseq)
                    .with("Transport", transport)
                    .with("Range", range)
                    .with("Require", target.require())
                    .with("Authorization", login == null ? null : login.authorization(request.method(), url));
            sent.put(cseq, new Sent(request, resend, transport, udp));
            toUpstream.write(out.bytes());
            toUpstream.flush();
        }

        /** The answer the client gets, or null when the request was sent again (a challenge, a refused transport). */
        RtspMessage answer(RtspMessage response) throws IOException {
            Sent request = response.header("CSeq") == null ? null : sent.remove(response.cseq());
            if (request == null) {
                return response;
            }
            if (response.status() == 401 && login != null && !request.resent()
                    && login.challenged(response.headers("WWW-Authenticate"))) {
                send(request.request(), true, request.transport(), request.udp());
                return null;
            }
            boolean setup = request.request().method().equalsIgnoreCase("SETUP");
            if (setup && response.status() == 461 && request.udp() == null && target.transport() == Transport.AUTO
                    && isInterleaved(request.request().header("Transport"))) {
                UdpPair udp = UdpPair.open(InetAddress.getByName(target.upstream().getHost()),
                        channels(request.request().header("Transport")));
                log.info("{} refused interleaved TCP (461): reading its media over UDP", registration.shown);
                send(request.request(), true, udp.transport(), udp);
                return null;
            }
            if (request.udp() != null) {
                if (response.status() != 200) {
                    request.udp().close();
                    return response.replacing("CSeq", request.request().header("CSeq"));
                }
                UdpPair udp = request.udp();
                udp.start(serverPorts(response.header("Transport")), toClient);
                pairs.add(udp);
                byRtcpChannel.put(udp.rtcpChannel, udp);
                learned.put(base, Transport.UDP);
                registration.used = Transport.UDP;
                String kept = request.request().header("Transport");
                return response.replacing("CSeq", request.request().header("CSeq"))
                        .replacing("Transport", interleavedAnswer(kept, response.header("Transport")));
            }
            if (setup && response.status() == 200) {
                registration.used = target.transport() == Transport.HTTP ? Transport.HTTP : Transport.TCP;
                if (target.transport() == Transport.AUTO) {
                    learned.put(base, Transport.TCP);
                }
            }
            return response.replacing("CSeq", request.request().header("CSeq"));
        }

        @Override
        public void close() {
            pairs.forEach(UdpPair::close);
            sent.values().stream().map(Sent::udp).filter(Objects::nonNull).forEach(UdpPair::close);
        }
    }

    private static boolean isInterleaved(String transport) {
        return transport != null && transport.toUpperCase(Locale.ROOT).contains("RTP/AVP/TCP");
    }

    /* The interleaved channels a client asked for ("interleaved=2-3"), 0-1 when it named none. */
    private static int[] channels(String transport) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("interleaved=(\\d+)(?:-(\\d+))?").matcher(transport);
        if (!m.find()) {
            return new int[] {0, 1};
        }
        int rtp = Integer.parseInt(m.group(1));
        return new int[] {rtp, m.group(2) == null ? rtp + 1 : Integer.parseInt(m.group(2))};
    }

    /* The upstream's RTP and RTCP ports from its answer ("server_port=6970-6971"), or null when it named none. */
    private static int[] serverPorts(String transport) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("server_port=(\\d+)(?:-(\\d+))?")
                .matcher(transport == null ? "" : transport);
        if (!m.find()) {
            return null;
        }
        int rtp = Integer.parseInt(m.group(1));
        return new int[] {rtp, m.group(2) == null ? rtp + 1 : Integer.parseInt(m.group(2))};
    }

    /* What the client is told: interleaved on the channels it asked for, with the upstream's ssrc and mode kept. */
    private static String interleavedAnswer(String asked, String answered) {
        int[] ch = channels(asked);
        StringBuilder t = new StringBuilder("RTP/AVP/TCP;unicast;interleaved=").append(ch[0]).append('-').append(ch[1]);
        for (String part : (answered == null ? "" : answered).split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("ssrc=") || p.toLowerCase(Locale.ROOT).startsWith("mode=")) {
                t.append(';').append(p);
            }
        }
        return t.toString();
    }

    /**
     * A pair of local UDP ports (RTP even, RTCP the next one) for one track of an upstream that sends media over
     * UDP; what arrives is written to the client as interleaved frames of the channels it asked for.
     */
    private static final class UdpPair implements AutoCloseable {
        private final java.net.DatagramSocket rtp;
        private final java.net.DatagramSocket rtcp;
        private final InetAddress upstream;
        private final int rtpChannel;
        private final int rtcpChannel;
        private volatile int[] serverPorts;
        private volatile boolean closed;

        private UdpPair(java.net.DatagramSocket rtp, java.net.DatagramSocket rtcp, InetAddress upstream, int[] channels) {
            this.rtp = rtp;
            this.rtcp = rtcp;
            this.upstream = upstream;
            this.rtpChannel = channels[0];
            this.rtcpChannel = channels[1];
        }

        static UdpPair open(InetAddress upstream, int[] channels) throws IOException {
            for (int attempt = 0; attempt < 50; attempt++) {
                java.net.DatagramSocket first = new java.net.DatagramSocket(0);
                int port = first.getLocalPort();
                if (port % 2 != 0 || port == 65535) {
                    first.close();
                    continue;
                }
                try {
                    java.net.DatagramSocket second = new java.net.DatagramSocket(port + 1);
                    first.setReceiveBufferSize(1 << 20);
                    return new UdpPair(first, second, upstream, channels);
                } catch (java.net.SocketException taken) {
                    first.close();
                }
            }
            throw new IOException("no pair of free UDP ports for the upstream's media");
        }

        String transport() {
            return "RTP/AVP;unicast;client_port=" + rtp.getLocalPort() + "-" + rtcp.getLocalPort();
        }

        void start(int[] serverPorts, ClientOut toClient) {
            this.serverPorts = serverPorts;
            Thread.ofVirtual().name("rtsp-proxy-udp-rtp").start(() -> receive(rtp, rtpChannel, toClient));
            Thread.ofVirtual().name("rtsp-proxy-udp-rtcp").start(() -> receive(rtcp, rtcpChannel, toClient));
        }

        /* Only the upstream's datagrams are passed on: anything else that finds the port is dropped. */
        private void receive(java.net.DatagramSocket socket, int channel, ClientOut toClient) {
            byte[] buffer = new byte[65_535];
            java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
            try {
                while (!closed) {
                    packet.setLength(buffer.length);
                    socket.receive(packet);
                    if (!packet.getAddress().equals(upstream)) {
                        continue;
                    }
                    int n = packet.getLength();
                    byte[] frame = new byte[4 + n];
                    frame[0] = '$';
                    frame[1] = (byte) channel;
                    frame[2] = (byte) (n >> 8);
                    frame[3] = (byte) n;
                    System.arraycopy(buffer, 0, frame, 4, n);
                    toClient.write(frame);
                }
            } catch (IOException e) {
                // the socket was closed, or the client went away: the pair goes with the session
            } finally {
                close();
            }
        }

        void sendRtcp(byte[] data, int offset, int length) throws IOException {
            int[] ports = serverPorts;
            if (ports != null && !closed) {
                rtcp.send(new java.net.DatagramPacket(data, offset, length, upstream, ports[1]));
            }
        }

        @Override
        public void close() {
            closed = true;
            rtp.close();
            rtcp.close();
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
