package ae.rta.cctv.playback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.HeadlessChromium;
import ae.rta.cctv.testsupport.NpmFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * hls.js (pinned, from npm) in headless Chromium plays a stored range with a hole in it: three minutes, a minute
 * without footage, three minutes. The player crosses the hole without stalling, keeps decoding frames, raises no
 * error, and its wall clock (PROGRAM-DATE-TIME) jumps over the missing minute.
 */
@Tag("slow")
final class HlsJsPlaybackTest {

    private static final String HLS_JS = "hls.js@1.7.4";
    private static final Instant START = Instant.parse("2026-10-02T14:00:00Z");
    private static final PlaybackSystem system = PlaybackSystem.get();
    private static HeadlessChromium browser;
    private static String camera;

    @BeforeAll
    static void footageWithAHole() throws Exception {
        Path dir = Files.createTempDirectory("hlsjs-playback");
        camera = system.addCamera("hls.js camera " + System.nanoTime());
        Path three = PlaybackSystem.footage(dir, 3);
        system.importFootage(camera, START, three);
        system.importFootage(camera, START.plus(Duration.ofMinutes(4)), three);
        browser = HeadlessChromium.start();
        browser.openBlankPage(Map.of("/hls.min.js", NpmFiles.file(HLS_JS, "dist/hls.min.js")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static final String PLAY = """
            const url = arguments[0];
            return (async () => {
              await new Promise((done, fail) => {
                const s = document.createElement('script'); s.src = '/hls.min.js'; s.onload = done; s.onerror = fail;
                document.head.appendChild(s);
              });
              const video = document.createElement('video'); video.muted = true; document.body.appendChild(video);
              const errors = [];
              const hls = new Hls();
              hls.on(Hls.Events.ERROR, (e, d) => errors.push(d.type + ':' + d.details + (d.fatal ? ':fatal' : '')));
              const parsed = new Promise(done => hls.on(Hls.Events.MANIFEST_PARSED, done));
              hls.loadSource(url);
              hls.attachMedia(video);
              await parsed;
              window.cctv = {hls, video, errors, frames: 0};
              const count = () => { window.cctv.frames++; video.requestVideoFrameCallback(count); };
              video.requestVideoFrameCallback(count);
              video.currentTime = 170; // ten seconds before the hole
              await video.play();
              return true;
            })();
            """;

    private static final String STATE = """
            const c = window.cctv;
            return {time: c.video.currentTime, frames: c.frames, errors: c.errors.join(','),
                    date: c.hls.playingDate ? c.hls.playingDate.toISOString() : '',
                    decoded: c.video.getVideoPlaybackQuality().totalVideoFrames};
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state() {
        return (Map<String, Object>) browser.eval(STATE);
    }

    @Test
    void hlsJsPlaysAcrossTheHoleWithoutAnError() {
        String token = system.token("admin");
        String playlist = system.playOk(token, camera, START, START.plus(Duration.ofMinutes(7))).get("playlistUrl").asString();
        assertThat(browser.eval(PLAY, playlist)).isEqualTo(true);

        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) state().get("time")).doubleValue() > 186);
        Map<String, Object> after = state();
        System.out.println("hls.js across the hole: " + after);
        assertThat(after.get("errors")).as("hls.js error events").isEqualTo("");
        assertThat(((Number) after.get("frames")).intValue()).as("frames presented since the seek").isGreaterThan(300);
        Instant wallClock = Instant.parse((String) after.get("date"));
        assertThat(wallClock).as("PROGRAM-DATE-TIME after the hole")
                .isAfter(START.plus(Duration.ofMinutes(4))).isBefore(START.plus(Duration.ofMinutes(5)));
    }
}
