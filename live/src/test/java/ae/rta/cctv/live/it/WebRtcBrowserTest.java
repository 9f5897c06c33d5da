package ae.rta.cctv.live.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.HeadlessChromium;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * WebRTC through a real Janus gateway, played in headless Chromium: the page asks the live service for the offer,
 * answers, and decodes the camera's H.264 frames from the gateway; releasing the stream hangs it up.
 */
@Tag("slow")
final class WebRtcBrowserTest {

    private static final LiveSystem system = LiveSystem.withWebRtc();
    private static HeadlessChromium browser;

    /** Signals as the dashboard will: offer from the live service, answer with every candidate gathered. */
    private static final String PLAY = """
            const url = arguments[0];
            return (async () => {
              const t0 = performance.now();
              let stage = 'offer';
              try {
              const r = await fetch(url, {method: 'POST'});
              if (r.status !== 201) return {error: 'offer ' + r.status + ' ' + await r.text()};
              stage = 'negotiate';
              const offer = await r.json();
              const viewer = new URL(r.headers.get('Location'), url).toString();
              const pc = new RTCPeerConnection();
              const video = document.createElement('video');
              video.muted = true; video.autoplay = true; video.playsInline = true;
              document.body.appendChild(video);
              pc.ontrack = e => { video.srcObject = e.streams[0] || new MediaStream([e.track]); };
              await pc.setRemoteDescription({type: 'offer', sdp: offer.sdp});
              await pc.setLocalDescription(await pc.createAnswer());
              await new Promise(done => {
                if (pc.iceGatheringState === 'complete') return done();
                pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && done());
              });
              stage = 'answer';
              const a = await fetch(viewer, {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({type: 'answer', sdp: pc.localDescription.sdp})});
              if (a.status !== 204) return {error: 'answer ' + a.status + ' ' + await a.text()};
              window.cctv = {pc, video, frames: 0};
              const first = await new Promise(done => video.requestVideoFrameCallback(() => done(performance.now() - t0)));
              const count = () => { window.cctv.frames++; video.requestVideoFrameCallback(count); };
              video.requestVideoFrameCallback(count);
              return {firstFrameMs: first};
              } catch (e) {
                return {error: stage + ': ' + e, location: location.href};
              }
            })();
            """;

    private static final String STATS = """
            return (async () => {
              const {pc, video, frames} = window.cctv;
              let decoded = 0, lost = 0, codec = '';
              const stats = await pc.getStats();
              stats.forEach(s => {
                if (s.type === 'inbound-rtp' && s.kind === 'video') {
                  decoded = s.framesDecoded; lost = s.packetsLost;
                  const c = stats.get(s.codecId); codec = c ? c.mimeType : '';
                }
              });
              return {frames, decoded, lost, codec, width: video.videoWidth, height: video.videoHeight,
                      state: pc.connectionState, ice: pc.iceConnectionState};
            })();
            """;

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> eval(String script, Object... args) {
        return (Map<String, Object>) browser.eval(script, args);
    }

    @Test
    void chromiumPlaysTheCameraThroughJanusAndReleaseHangsItUp() {
        String operator = system.token("admin");
        JsonNode stream = system.startStream(operator, "main");
        String webrtc = stream.get("urls").get("webrtc").asString();
        browser.openBlankPage();

        Map<String, Object> played = eval(PLAY, webrtc);
        assertThat(played).as(String.valueOf(played)).doesNotContainKey("error");
        double firstFrameMs = ((Number) played.get("firstFrameMs")).doubleValue();
        System.out.printf("WebRTC via Janus: first frame %.0f ms after the page asked for the offer%n", firstFrameMs);

        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) eval(STATS).get("frames")).intValue() >= 50);
        Map<String, Object> stats = eval(STATS);
        System.out.println("WebRTC via Janus: " + stats);
        assertThat(((Number) stats.get("decoded")).intValue()).isGreaterThanOrEqualTo(50);
        assertThat(stats.get("codec")).isEqualTo("video/H264");
        assertThat(((Number) stats.get("width")).intValue()).isEqualTo(640);
        assertThat(((Number) stats.get("height")).intValue()).isEqualTo(360);
        assertThat(stats.get("state")).isEqualTo("connected");

        system.api("DELETE", "/api/v1/streams/" + stream.get("id").asString(), operator, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> !"connected".equals(eval(STATS).get("state")));
        int decoded = ((Number) eval(STATS).get("decoded")).intValue();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> ((Number) eval(STATS).get("decoded")).intValue() == decoded);
    }
}
