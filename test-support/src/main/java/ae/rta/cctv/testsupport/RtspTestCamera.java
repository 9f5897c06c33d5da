package ae.rta.cctv.testsupport;

import ae.rta.cctv.embedded.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fake camera for tests: GStreamer's RTSP server (Debian packages, installed by {@code ./cctv test}) streaming an
 * H.264 test pattern at 640x360, 25 fps, on loopback. Tests start it, stop it, kill it to simulate a camera dropping,
 * and start it again on the same port. {@link #startWithLogin} makes one that demands a Basic or Digest login.
 */
public final class RtspTestCamera implements AutoCloseable {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private final int port;
    private final String path;
    private final int gopFrames;
    private final int bitrateKbps;
    private final String pattern;
    private final Login login;
    private volatile boolean udpOnly;
    private volatile String audio;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger connectionsOpened = new java.util.concurrent.atomic.AtomicInteger();
    private Process process;

    /** The login a camera demands: {@code method} is {@code basic} or {@code digest}. */
    public record Login(String method, String username, String password) {
        @Override
        public String toString() {
            return "Login[" + method + ", credentials hidden]";
        }
    }

    private RtspTestCamera(int port, String path, int gopFrames, int bitrateKbps, String pattern, Login login) {
        this.port = port;
        this.path = path;
        this.gopFrames = gopFrames;
        this.bitrateKbps = bitrateKbps;
        this.pattern = pattern;
        this.login = login;
    }

    /** Starts a camera with a keyframe every second on a free port. */
    public static RtspTestCamera start() {
        return start(FreePorts.pick(), "/cam", 25);
    }

    public static RtspTestCamera start(int port, String path, int gopFrames) {
        RtspTestCamera camera = new RtspTestCamera(port, path, gopFrames, 1000, "ball", null);
        camera.restart();
        return camera;
    }

    /**
     * A cheap camera (ball pattern, 300 kbit/s, a keyframe a second) that answers only requests carrying
     * {@code login}; OPTIONS needs none. The login reaches the camera process through its environment, not its
     * command line.
     */
    public static RtspTestCamera startWithLogin(Login login) {
        RtspTestCamera camera = new RtspTestCamera(FreePorts.pick(), "/cam", 25, 300, "ball", login);
        camera.restart();
        return camera;
    }

    /**
     * A camera whose encoder is held to {@code bitrateKbps}: with pattern {@code snow} (noise) it uses all of it,
     * as a busy real scene would; {@code ball} needs far less.
     */
    public static RtspTestCamera start(int gopFrames, int bitrateKbps, String pattern) {
        RtspTestCamera camera = new RtspTestCamera(FreePorts.pick(), "/cam", gopFrames, bitrateKbps, pattern, null);
        camera.restart();
        return camera;
    }

    /**
     * A camera that serves its media over UDP only and answers 461 Unsupported Transport to an interleaved TCP SETUP,
     * as VLC's RTSP server and many small cameras do.
     */
    public static RtspTestCamera startUdpOnly() {
        RtspTestCamera camera = new RtspTestCamera(FreePorts.pick(), "/cam", 25, 300, "ball", null);
        camera.udpOnly = true;
        camera.restart();
        return camera;
    }

    /**
     * A camera with a microphone: a sine tone as a second track, {@code aac} (16 kHz AAC-LC) or {@code pcma}
     * (G.711 A-law, 8 kHz). GStreamer's voaacenc comes with gstreamer1.0-plugins-bad, installed by {@code ./cctv test}.
     */
    public static RtspTestCamera startWithAudio(String codec) {
        RtspTestCamera camera = new RtspTestCamera(FreePorts.pick(), "/cam", 25, 300, "ball", null);
        camera.audio = codec;
        camera.restart();
        return camera;
    }

    /** RTSP clients connected now (counted from the server's own client-connected and closed signals). */
    public int connections() {
        return connections.get();
    }

    /** RTSP client connections opened since this camera object was made, over all its restarts. */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    public String url() {
        return "rtsp://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    /** Starts the camera process (again), waiting until it answers RTSP. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path script = Files.createTempFile("rtsp_camera", ".py");
            try (InputStream in = RtspTestCamera.class.getResourceAsStream("rtsp_camera.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            script.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(port), path,
                    Integer.toString(gopFrames), Integer.toString(bitrateKbps), pattern,
                    login == null ? "" : login.method()).redirectErrorStream(true);
            if (udpOnly) {
                builder.environment().put("RTSP_CAMERA_PROTOCOLS", "udp");
            }
            if (audio != null) {
                builder.environment().put("RTSP_CAMERA_AUDIO", audio);
            }
            if (login != null) {
                builder.environment().put("RTSP_CAMERA_USER", login.username());
                builder.environment().put("RTSP_CAMERA_PASSWORD", login.password());
            }
            process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(20, TimeUnit.SECONDS);
            if (!"READY".equals(first)) {
                process.destroyForcibly();
                throw new IllegalStateException("the RTSP test camera did not start: " + first
                        + " (run the tests through ./cctv test, which installs GStreamer)");
            }
            connections.set(0);
            Thread drain = new Thread(() -> drain(out), "rtsp-camera-" + port);
            drain.setDaemon(true);
            drain.start();
            awaitAnswer(Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the RTSP test camera did not start", e);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /* Counts clients from the server's lines and discards GStreamer's chatter so the pipe never fills. */
    private void drain(BufferedReader reader) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.equals("CONNECTED")) {
                    connections.incrementAndGet();
                    connectionsOpened.incrementAndGet();
                } else if (line.equals("CLOSED")) {
                    connections.decrementAndGet();
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
        connections.set(0);
    }

    /** Waits (polling with a deadline) until the server answers an RTSP OPTIONS request. */
    private void awaitAnswer(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(2000);
                socket.getOutputStream().write(("OPTIONS " + url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (status != null && status.startsWith("RTSP/1.0 200")) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the RTSP test camera did not answer within " + timeout);
    }

    /** Stops the camera as a crash or cable cut would: SIGKILL, no RTSP teardown. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** Stops the camera politely (SIGTERM). */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            if (!process.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).thenApply(p -> p != null).join()) {
                process.destroyForcibly().onExit().join();
            }
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }
}
