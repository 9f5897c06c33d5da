package ae.rta.cctv.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class RtspTestCameraTest {

    private static ProbeResult probe(String url) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Ffmpeg.ffprobe().toString(), "-v", "error", "-rtsp_transport", "tcp",
                "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", url)
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(20, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        return new ProbeResult(done ? p.exitValue() : -1, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    record ProbeResult(int exit, String output) {
    }

    @Test
    void streamsH264ThatFfprobeReadsAndDropsWhenKilled() throws Exception {
        try (RtspTestCamera camera = RtspTestCamera.start()) {
            ProbeResult live = probe(camera.url());
            assertThat(live.exit()).isZero();
            assertThat(live.output()).isEqualTo("h264,640,360");

            camera.kill();
            assertThat(camera.isRunning()).isFalse();
            assertThat(probe(camera.url()).exit()).isNotZero();

            camera.restart();
            assertThat(probe(camera.url()).output()).isEqualTo("h264,640,360");
        }
    }
}
