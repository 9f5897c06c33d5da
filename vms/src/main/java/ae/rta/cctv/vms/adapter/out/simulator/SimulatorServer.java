package ae.rta.cctv.vms.adapter.out.simulator;

import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.common.domain.StreamVariant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo cameras' RTSP server. Each simulator camera gets two 10 s clips (main 640x360, sub 320x180, 15 fps,
 * its own name burnt in, a moving test picture), encoded once with FFmpeg and kept in the clip folder; a GStreamer
 * RTSP server process ({@code simulator.py}) then loops them with no encoding at all, paced in real time. So a
 * dozen cameras cost almost no CPU, and they reach the system as RTSP like any real camera.
 */
public final class SimulatorServer implements AutoCloseable {

    /*
     * Lifecycle: start() encodes missing clips and starts the server; a watchdog thread restarts the server when
     * it dies (1 s, 2 s, ... up to 30 s apart). New cameras mean new clips: refresh() encodes them and restarts the
     * server, whose mount points are read at start. Failures (no FFmpeg, no GStreamer) leave the cameras
     * unreachable, which their health probes then report; nothing else depends on the simulator.
     */
    private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path clipDir;
    private final int configuredPort;
    private final String ffmpeg;
    private volatile int port;
    private volatile Process process;
    private volatile boolean running;
    private volatile Runnable onReady = () -> { };
    private Thread watchdog;

    public SimulatorServer(Path clipDir, int configuredPort, String ffmpeg) {
        this.clipDir = clipDir;
        this.configuredPort = configuredPort;
        this.ffmpeg = ffmpeg;
        this.port = configuredPort > 0 ? configuredPort : freePort();
    }

    /** The port the server listens on (chosen at construction when configured as 0). */
    public int port() {
        return port;
    }

    /** The running server process, if any (for its resource figures). */
    public java.util.Optional<ProcessHandle> process() {
        Process p = process;
        return p != null && p.isAlive() ? java.util.Optional.of(p.toHandle()) : java.util.Optional.empty();
    }

    /** The mount path of a camera's stream. */
    public static String path(Camera camera, StreamVariant variant) {
        return "/sim/" + camera.id() + "-" + variant.name().toLowerCase(Locale.ROOT);
    }

    /** Encodes the clips of {@code cameras} that are missing and (re)starts the server, in the background. */
    public synchronized void start(List<Camera> cameras) {
        running = true;
        refresh(cameras);
        if (watchdog == null) {
            watchdog = Thread.ofVirtual().name("simulator-watchdog").start(this::watch);
        }
    }

    /** Encodes missing clips (two at a time); restarts the server when any were added. */
    public synchronized void refresh(List<Camera> cameras) {
        boolean added = false;
        try (java.util.concurrent.ExecutorService encoders = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<Boolean>> clips = new ArrayList<>();
            for (Camera c : cameras) {
                for (StreamVariant v : StreamVariant.values()) {
                    clips.add(encoders.submit(() -> ensureClip(c, v)));
                }
            }
            for (java.util.concurrent.Future<Boolean> clip : clips) {
                added |= clip.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("simulator clips could not all be made: {}", e.getCause().toString());
        }
        if (added && process != null) {
            process.destroy();
        }
        notifyAll();
    }

    /** Called each time the server is up (again), so cameras can be probed at once rather than at their next turn. */
    public void onReady(Runnable listener) {
        this.onReady = listener;
    }

    private boolean ensureClip(Camera camera, StreamVariant variant) {
        Path clip = clipDir.resolve(camera.id() + "-" + variant.name().toLowerCase(Locale.ROOT) + ".h264");
        if (Files.isRegularFile(clip)) {
            return false;
        }
        try {
            Files.createDirectories(clipDir);
            Path label = Files.createTempFile(clipDir, "label", ".txt");
            Files.writeString(label, camera.name() + "  |  " + camera.agency(), StandardCharsets.UTF_8);
            boolean main = variant == StreamVariant.MAIN;
            int hue = Math.floorMod(camera.id().hashCode(), 360);
            Path partial = clipDir.resolve(clip.getFileName() + ".partial");
            List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=" + (main ? "640x360" : "320x180") + ":rate=15", "-t", "10",
                    "-vf", "hue=h=" + hue + ",drawbox=x=0:y=0:w=iw:h=" + (main ? 44 : 24) + ":color=black@0.6:t=fill,"
                            + "drawtext=" + font() + ":textfile='"
                            + label + "':x=10:y=" + (main ? 11 : 5) + ":fontsize=" + (main ? 20 : 11) + ":fontcolor=white",
                    "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "baseline", "-g", "15", "-keyint_min", "15",
                    "-sc_threshold", "0", "-b:v", main ? "600k" : "150k", "-x264-params", "aud=1",
                    "-bsf:v", "h264_mp4toannexb", "-f", "h264", partial.toString()));
            Process encode = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(encode.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = encode.waitFor(60, TimeUnit.SECONDS) && encode.exitValue() == 0;
            Files.deleteIfExists(label);
            if (!done) {
                log.warn("simulator clip for camera {} could not be made: {}", camera.id(), output.strip());
                return false;
            }
            Files.move(partial, clip, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            log.warn("simulator clip for camera {} could not be made ({}): is FFmpeg installed?", camera.id(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String font() {
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
        return Files.isRegularFile(dejavu) ? "fontfile=" + dejavu : "font=Sans";
    }

    private void watch() {
        long backoff = 1000;
        while (running) {
            try {
                Process p = launch();
                if (p == null) {
                    synchronized (this) {
                        wait(30_000);
                    }
                    continue;
                }
                backoff = 1000;
                p.waitFor();
                if (running) {
                    log.info("simulator RTSP server stopped (exit {}); starting it again", p.exitValue());
                    Thread.sleep(backoff);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("simulator RTSP server did not start: {}", e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(30_000, backoff * 2);
            }
        }
    }

    private Process launch() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            log.warn("the simulator needs /usr/bin/python3 with GStreamer's RTSP server (./cctv run installs them)");
            return null;
        }
        Path script = clipDir.resolve("simulator.py");
        Files.createDirectories(clipDir);
        try (InputStream in = SimulatorServer.class.getResourceAsStream("simulator.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(port), clipDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"READY".equals(first)) {
            p.destroyForcibly();
            throw new IOException("simulator said: " + first);
        }
        Thread.ofVirtual().name("simulator-output").start(() -> drain(out));
        process = p;
        log.info("simulator RTSP server on rtsp://127.0.0.1:{}/sim/ serving {}", port, clipDir);
        onReady.run();
        return p;
    }

    private static void drain(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.debug("simulator: {}", line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
