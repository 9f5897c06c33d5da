package ae.rta.cctv.playback.it;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.playback.adapter.out.rtsp.FakeReplayBridge;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Playback of an XProtect camera's past range that storage does not hold: vms asks the Open Network Bridge's ONVIF
 * Replay service for the recording's URL, and playback fetches it through the RTSP proxy from a bridge that demands
 * Digest login, {@code Require: onvif-replay} and a clock range (the GStreamer test camera stands for the recordings).
 */
final class MilestoneReplayPlaybackTest {

    private static final String GUID = "7e5b1c2a-0d4f-4a61-9b3e-5c8d7f6a1b20";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final PlaybackSystem system = PlaybackSystem.get();
    private static RtspTestCamera recordings;
    private static FakeReplayBridge bridge;
    private static String admin;
    private static String camera;

    @BeforeAll
    static void aMilestoneCameraWhoseBridgeReplays() {
        recordings = RtspTestCamera.start();
        bridge = new FakeReplayBridge(PlaybackSystem.BRIDGE_USER, PlaybackSystem.BRIDGE_PASSWORD, recordings.url());
        system.bridge.replayAt(bridge.replayPrefix());
        system.bridge.addRecording(GUID);
        admin = system.token("admin");
        camera = system.addMilestoneCamera(GUID, "Metro XProtect Platform " + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        bridge.close();
        recordings.close();
    }

    @Test
    void aPastRangeNotStoredPlaysFromTheBridgesReplayWithDigestLoginRequireAndClockRange() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS).plusSeconds(2);
        Instant end = start.plusSeconds(9); // pieces 0-6 and 6-12 s of the hour

        JsonNode answer = system.playOk(admin, camera, start, end);
        assertThat(answer.get("source").asString()).isEqualTo("UPSTREAM");
        Path out = PlaybackSystem.readAndDecode(answer.get("playlistUrl").asString());
        assertThat(PlaybackSystem.probe(out, "format=duration")).isBetween(9.0, 13.0);

        Instant piece = start.truncatedTo(ChronoUnit.HOURS);
        assertThat(bridge.clockRanges()).as("one PLAY per piece, from the piece holding the asked start").containsExactlyInAnyOrder(
                "clock=" + CLOCK.format(piece) + "-" + CLOCK.format(piece.plusSeconds(6)),
                "clock=" + CLOCK.format(piece.plusSeconds(6)) + "-" + CLOCK.format(piece.plusSeconds(12)));
        assertThat(bridge.challenges()).as("each connection was challenged").isGreaterThanOrEqualTo(2);
        assertThat(bridge.goodLogins()).as("and then logged in with a valid digest").isGreaterThanOrEqualTo(8);
        assertThat(bridge.badLogins()).isZero();
        assertThat(bridge.refusedOptions()).as("every request carried Require: onvif-replay").isZero();
        assertThat(system.bridge.operations()).contains("GetReplayUri " + GUID);
    }

    @Test
    void aRecordingTheBridgeRefusesIsABadGatewayNamingItsReason() {
        String unknown = system.addMilestoneCamera("7e5b1c2a-0d4f-4a61-9b3e-000000000000", "Metro XProtect Unrecorded " + System.nanoTime());
        Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        // through the api, which passes on the playback service's 502 with its reason
        ServiceHttp.Response r = system.play(system.token("admin"), unknown, start.toString(), start.plusSeconds(30).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(502);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("no recording 7e5b1c2a-0d4f-4a61-9b3e-000000000000");
    }
}
