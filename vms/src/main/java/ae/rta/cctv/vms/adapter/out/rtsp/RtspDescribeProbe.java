package ae.rta.cctv.vms.adapter.out.rtsp;

import ae.rta.cctv.common.rtsp.RtspAuthenticator;
import ae.rta.cctv.vms.application.port.out.StreamProbe;
import ae.rta.cctv.vms.domain.StreamDescription;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Probes a stream with one RTSP {@code DESCRIBE} (RFC 2326): reachable when the camera answers 200 with a session
 * description that has a video track. Answers Basic and Digest challenges ({@link RtspAuthenticator}) when the camera
 * has credentials. Costs one TCP connection and no video: thousands of cameras can be probed from one instance.
 */
public final class RtspDescribeProbe implements StreamProbe {

    private static final int MAX_BODY = 64 * 1024;

    private final int timeoutMillis;

    public RtspDescribeProbe(Duration timeout) {
        this.timeoutMillis = (int) timeout.toMillis();
    }

    @Override
    public Result probe(StreamEndpoint endpoint) {
        return probe(endpoint, false);
    }

    @Override
    public Result probe(StreamEndpoint endpoint, boolean askTransport) {
        return probe(endpoint, askTransport, false);
    }

    @Override
    public Result probe(StreamEndpoint endpoint, boolean askTransport, boolean tunnel) {
        URI uri = endpoint.uri();
        if (tunnel) {
            try (ae.rta.cctv.common.rtsp.RtspTunnel link = ae.rta.cctv.common.rtsp.RtspTunnel.open(uri, timeoutMillis,
                    timeoutMillis)) {
                Result result = probe(new Link(link.in(), link.out()), endpoint, false);
                return result.reachable() ? Result.ok(result.description().withTransport("http")) : result;
            } catch (IOException e) {
                return failure(e);
            }
        }
        try (Socket socket = ae.rta.cctv.common.rtsp.RtspAddress.connect(uri, timeoutMillis)) {
            socket.setSoTimeout(timeoutMillis);
            return probe(new Link(socket.getInputStream(), socket.getOutputStream()), endpoint, askTransport);
        } catch (IOException | RuntimeException e) {
            return failure(e);
        }
    }

    /* What the camera is, in words, from the way the connection failed. */
    private Result failure(Exception e) {
        return switch (e) {
            case UnknownHostException u -> Result.failed("the host does not resolve");
            case ConnectException c -> Result.failed("connection refused");
            case SocketTimeoutException t -> Result.failed("no answer within " + timeoutMillis + " ms");
            case IOException io when io.getMessage() != null && io.getMessage().startsWith("the camera refused the HTTP tunnel")
                    -> Result.failed(io.getMessage());
            default -> Result.failed("connection failed (" + e.getClass().getSimpleName() + ")");
        };
    }

    /* The connection the probe talks over: a socket's streams, or an HTTP tunnel's. */
    private record Link(InputStream in, OutputStream out) {
    }

    private Result probe(Link socket, StreamEndpoint endpoint, boolean askTransport) throws IOException {
        URI uri = endpoint.uri();
        {
            Answer answer = describe(socket, uri, null, 1);
            RtspAuthenticator auth = null;
            if (answer.status() == 401 && endpoint.credentials() != null) {
                auth = new RtspAuthenticator(endpoint.credentials().username(), endpoint.credentials().password());
                auth.challenged(List.of(answer.headers().getOrDefault("www-authenticate", "")));
                answer = describe(socket, uri, auth, 2);
                if (answer.status() == 401) {
                    return Result.failed("the camera refused the credentials");
                }
            }
            if (answer.status() == 200 && answer.body().contains("m=video")) {
                StreamDescription description = SessionDescription.parse(answer.body());
                if (askTransport) {
                    String base = answer.headers().getOrDefault("content-base", uri.toString());
                    String track = SessionDescription.videoControl(answer.body(), base);
                    description = description.withTransport(transport(socket, track, auth));
                }
                return Result.ok(description);
            }
            return switch (answer.status()) {
                case 401 -> Result.failed("the camera asks for credentials and none are configured");
                case 404 -> Result.failed("the camera has no stream at this path");
                default -> Result.failed("the camera answered RTSP " + answer.status());
            };
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    /*
     * How the camera serves the track: SETUP over interleaved TCP; when it answers 461 Unsupported Transport (VLC's
     * RTSP server, npm rtsp-streaming-server and many small cameras), SETUP over UDP from a pair of local ports.
     * Each accepted SETUP is torn down at once: nothing is played. Null when neither was accepted.
     */
    private static String transport(Link socket, String track, RtspAuthenticator auth) throws IOException {
        Answer tcp = request(socket, "SETUP", track, auth, 3, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        if (tcp.status() == 200) {
            teardown(socket, track, auth, tcp);
            return "tcp";
        }
        if (tcp.status() != 461) {
            return null;
        }
        try (java.net.DatagramSocket rtp = new java.net.DatagramSocket(0)) {
            int port = rtp.getLocalPort();
            Answer udp = request(socket, "SETUP", track, auth, 4,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            if (udp.status() == 200) {
                teardown(socket, track, auth, udp);
                return "udp";
            }
        }
        return null;
    }

    private static void teardown(Link socket, String track, RtspAuthenticator auth, Answer setup) throws IOException {
        String session = setup.headers().get("session");
        if (session == null) {
            return;
        }
        try {
            request(socket, "TEARDOWN", track, auth, 9, "Session: " + session.split(";")[0].strip());
        } catch (IOException e) {
            // A camera may close the connection on TEARDOWN: what the SETUP said stands.
        }
    }

    private static Answer request(Link socket, String method, String url, RtspAuthenticator auth, int cseq,
            String header) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(url).append(" RTSP/1.0\r\n")
                .append("CSeq: ").append(cseq).append("\r\n")
                .append("User-Agent: rta-cctv-probe\r\n")
                .append(header).append("\r\n");
        if (auth != null) {
            request.append("Authorization: ").append(auth.authorization(method, url)).append("\r\n");
        }
        socket.out().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        socket.out().flush();
        return answer(socket.in());
    }

    private static Answer describe(Link socket, URI uri, RtspAuthenticator auth, int cseq) throws IOException {
        return request(socket, "DESCRIBE", uri.toString(), auth, cseq, "Accept: application/sdp");
    }

    private static Answer answer(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("RTSP/")) {
            throw new IOException("not an RTSP answer");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an RTSP status");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
        }
        int length = 0;
        try {
            length = Math.min(MAX_BODY, Integer.parseInt(headers.getOrDefault("content-length", "0")));
        } catch (NumberFormatException e) {
            length = 0;
        }
        String body = new String(in.readNBytes(Math.max(0, length)), StandardCharsets.UTF_8);
        return new Answer(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 8192) {
                throw new IOException("an answer line is too long");
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
