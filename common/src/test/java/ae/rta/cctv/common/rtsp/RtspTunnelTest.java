package ae.rta.cctv.common.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tunnel against a peer that follows Apple's "Tunneling QuickTime RTSP and RTP over HTTP" (the scheme live555's
 * RTSPServer and GStreamer's rtsp-client implement): the first connection sends GET with an x-sessioncookie and
 * Accept application/x-rtsp-tunnelled and gets 200 with that Content-Type, then the server's RTSP answers on it; the
 * second sends POST with the same cookie and Content-Type application/x-rtsp-tunnelled, then base64 RTSP requests.
 * End to end against GStreamer's RTSP server: {@code FieldCameraRecordingTest}.
 */
final class RtspTunnelTest {

    @Test
    void requestsGoBase64OnThePostAndAnswersComeOnTheGet() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> serveOneTunnel(server, 200));
            URI url = URI.create("rtsp://127.0.0.1:" + server.getLocalPort() + "/cam?profile=1");
            try (RtspTunnel tunnel = RtspTunnel.open(url, 5_000, 5_000)) {
                tunnel.out().write(("OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                tunnel.out().flush();
                BufferedReader answers = new BufferedReader(new InputStreamReader(tunnel.in(), StandardCharsets.US_ASCII));
                assertThat(answers.readLine()).isEqualTo("RTSP/1.0 200 OK");
                assertThat(answers.readLine()).isEqualTo("CSeq: 1");
            }
            List<String> lines = seen.get(10, TimeUnit.SECONDS);
            String get = lines.get(0);
            String post = lines.get(1);
            assertThat(get).startsWith("GET /cam?profile=1 HTTP/1.0").contains("\naccept: application/x-rtsp-tunnelled");
            assertThat(post).startsWith("POST /cam?profile=1 HTTP/1.0").contains("\ncontent-type: application/x-rtsp-tunnelled");
            String cookie = header(get, "x-sessioncookie");
            assertThat(cookie).isNotBlank().isEqualTo(header(post, "x-sessioncookie"));
            assertThat(lines.get(2)).as("the request, decoded from the POST body").startsWith("OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1");
        }
    }

    @Test
    void aRefusedTunnelSaysSo() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> serveOneTunnel(server, 401));
            assertThatThrownBy(() -> RtspTunnel.open(URI.create("rtsp://127.0.0.1:" + server.getLocalPort() + "/cam"), 5_000))
                    .isInstanceOf(IOException.class).hasMessageContaining("the camera refused the HTTP tunnel: HTTP/1.0 401");
        }
    }

    private static String header(String request, String name) {
        return request.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip())
                .findFirst().orElse("");
    }

    /* Accepts the GET (answers it with status), then the POST; returns both requests (header names in lower case) and
       the first base64 request decoded. */
    private static List<String> serveOneTunnel(ServerSocket server, int status) {
        List<String> seen = new ArrayList<>();
        try (Socket get = server.accept()) {
            seen.add(headers(get.getInputStream()));
            if (status != 200) {
                get.getOutputStream().write(("HTTP/1.0 " + status + " Unauthorized\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return seen;
            }
            get.getOutputStream().write(("HTTP/1.0 200 OK\r\nServer: test\r\nConnection: close\r\nCache-Control: no-store\r\n"
                    + "Pragma: no-cache\r\nContent-Type: application/x-rtsp-tunnelled\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (Socket post = server.accept()) {
                InputStream in = post.getInputStream();
                seen.add(headers(in));
                byte[] chunk = new byte[4096];
                int n = in.read(chunk);
                seen.add(new String(Base64.getDecoder().decode(new String(chunk, 0, n, StandardCharsets.US_ASCII)),
                        StandardCharsets.US_ASCII));
                get.getOutputStream().write("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                get.getOutputStream().flush();
                in.read(chunk); // until the client closes
            }
        } catch (IOException e) {
            seen.add("failed: " + e);
        }
        return seen;
    }

    private static String headers(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String l = line.toString().strip();
                if (l.isEmpty()) {
                    break;
                }
                int colon = l.indexOf(':');
                text.append(text.isEmpty() || colon < 0 ? l : l.substring(0, colon).toLowerCase(java.util.Locale.ROOT)
                        + l.substring(colon)).append('\n');
                line.setLength(0);
            } else if (b != '\r') {
                line.append((char) b);
            }
        }
        return text.toString();
    }
}
