package ae.rta.cctv.playback.adapter.out.ffmpeg;

import ae.rta.cctv.common.security.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One FFmpeg run for the playback adapters: its output (stdout and stderr) handed on line by line as it comes, the
 * process killed when it outlives {@code timeout} (reading its output would otherwise wait for it forever), and a
 * failure (no start, time out, non-zero exit with its last error lines) turned into the caller's exception. The files
 * it writes (exports, cached replays) are private to this service's user ({@link PrivateFiles#command}).
 */
final class FfmpegRun {

    private FfmpegRun() {
    }

    static void run(List<String> command, Duration timeout, Consumer<String> lines, Function<String, RuntimeException> failure) {
        Process p;
        try {
            p = new ProcessBuilder(PrivateFiles.command(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw failure.apply("FFmpeg could not be started (" + e.getMessage() + "): is it installed?");
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("ffmpeg-timeout").start(() -> {
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Deque<String> lastErrors = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.accept(line);
                if (!line.contains("=")) { // -progress lines are key=value; the rest are FFmpeg's messages
                    if (lastErrors.size() == 5) {
                        lastErrors.removeFirst();
                    }
                    lastErrors.addLast(line.strip());
                }
            }
            int exit = p.waitFor();
            if (timedOut.get()) {
                throw failure.apply("FFmpeg did not finish within " + timeout);
            }
            if (exit != 0) {
                throw failure.apply("FFmpeg failed (exit " + exit + "): " + String.join(" | ", lastErrors));
            }
        } catch (IOException e) {
            throw failure.apply("FFmpeg's output could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply("interrupted");
        } finally {
            watchdog.interrupt();
            p.destroyForcibly();
        }
    }
}
