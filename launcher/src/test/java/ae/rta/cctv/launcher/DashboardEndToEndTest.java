package ae.rta.cctv.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.testsupport.Ffmpeg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard end to end: the whole system as {@code ./cctv run} starts it (free ports, a fresh data directory),
 * and the Playwright script {@code dashboard/e2e/dashboard.e2e.mjs} driving Debian's headless Chromium through it:
 * sign in, live 2x2 with frames decoding in every tile, PTZ, a quota-full tile, playback and scrub of five imported
 * minutes, export, incidents, search, every page's screenshot (into {@code docs/screenshots/}), Arabic right to left,
 * and no console error anywhere. The script's own output is printed; its exit code decides.
 */
@Tag("slow")
final class DashboardEndToEndTest {

    private static final long SCRIPT_TIMEOUT_MINUTES = 6;

    @TempDir
    Path data;

    @Test
    void theOperatorsScreenWorksAgainstTheRunningSystem() throws Exception {
        Path dashboard = Path.of("..", "dashboard").toAbsolutePath().normalize();
        assertThat(dashboard.resolve("node_modules/playwright-core")).as("the dashboard module's npm ci ran").isDirectory();
        Path footage = fiveMinutesOfFootage(data.resolve("footage.mp4"));

        Map<String, String> env = new HashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            env.put(s.portVariable(), Integer.toString(FreePorts.pick()));
        }
        env.put("CCTV_SERVICE_SECRET", "dashboard-e2e-test-secret-0123456789abcdef");
        LauncherSettings settings = LauncherSettings.from(new String[] {"--data-dir=" + data.resolve("system")}, env);
        try (CctvLauncher launcher = new CctvLauncher(settings)) {
            launcher.start();
            String base = "http://127.0.0.1:" + settings.port(ServiceSpec.named("dashboard"));
            ProcessBuilder node = new ProcessBuilder("node", "e2e/dashboard.e2e.mjs").directory(dashboard.toFile())
                    .redirectErrorStream(true);
            node.environment().put("CCTV_BASE_URL", base);
            node.environment().put("CCTV_FOOTAGE", footage.toString());
            node.environment().put("CCTV_SCREENSHOTS", dashboard.resolveSibling("docs").resolve("screenshots").toString());
            Process script = node.start();
            StringBuilder output = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        System.out.println("e2e | " + line);
                        output.append(line).append('\n');
                    }
                } catch (IOException e) {
                    output.append("reading the script's output failed: ").append(e).append('\n');
                }
            });
            boolean ended = script.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                script.descendants().forEach(ProcessHandle::destroyForcibly);
                script.destroyForcibly().waitFor();
            }
            reader.join();
            assertThat(ended).as("the end-to-end script ended within " + SCRIPT_TIMEOUT_MINUTES + " minutes:\n" + output).isTrue();
            assertThat(script.exitValue()).as("the end-to-end script's exit code:\n" + output).isZero();
            assertThat(output).contains("PASSED");
        }
    }

    /* A test pattern, H.264 in MP4, a keyframe every 2 s: imported through the api as a camera's last five minutes. */
    private static Path fiveMinutesOfFootage(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Process ffmpeg = new ProcessBuilder(List.of(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x180:rate=15", "-t", "300", "-c:v", "libx264", "-preset", "ultrafast",
                "-g", "30", "-pix_fmt", "yuv420p", "-movflags", "+faststart", file.toString()))
                .redirectErrorStream(true).start();
        String log = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffmpeg.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(ffmpeg.exitValue()).as(log).isZero();
        return file;
    }
}
