package ae.rta.cctv.testsupport;

import ae.rta.cctv.embedded.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * RTSP servers nobody on this project wrote, standing in for cameras in the interop tests: VLC's RTSP server (UDP
 * only, as the issue found; serves H.264, H.265 and AAC from a file) and npm rtsp-streaming-server (UDP only, Basic
 * login, fed by FFmpeg). Both listen on 127.0.0.1. {@code ./cctv test} installs them: Debian's vlc-bin and
 * vlc-plugin-base, and a user {@value #VLC_USER} for VLC, which refuses to run as root.
 */
public final class ThirdPartyCameras {

    /** The user VLC runs as when the tests run as root. */
    public static final String VLC_USER = "cctvtest";
    /** The npm package standing in for a small camera's RTSP server, pinned. */
    public static final String RTSP_STREAMING_SERVER = "rtsp-streaming-server@2.1.0";

    /** What a test source file carries. */
    public enum Media {
        H264("-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "main"),
        H265("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1"),
        H264_AAC("-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "main", "-c:a", "aac", "-b:a", "64k");

        private final List<String> codec;

        Media(String... codec) {
            this.codec = List.of(codec);
        }

        boolean audio() {
            return this == H264_AAC;
        }
    }

    /** A running third-party server; closing it stops every process it started. */
    public record Server(String url, List<Process> processes) implements AutoCloseable {
        @Override
        public void close() {
            processes.forEach(Process::destroy);
            processes.forEach(p -> p.onExit().completeOnTimeout(p, 5, java.util.concurrent.TimeUnit.SECONDS).join());
            processes.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        }
    }

    private ThirdPartyCameras() {
    }

    /**
     * A 4-minute test-pattern file (640x360, 25 fps, a keyframe a second, and a 1 kHz tone for H264_AAC), made once
     * per directory with FFmpeg, readable by the VLC user. Longer than a suite that uses it runs: VLC 3 restarts its
     * RTP timestamps when {@code --loop} starts the file again, which no camera does (a 20 s file looped under a
     * 45 s FFmpeg recording gave 416 frames of 1125; a 90 s file, 1121).
     */
    public static synchronized Path media(Path dir, Media media) {
        Path file = dir.resolve("interop-" + media.name().toLowerCase(java.util.Locale.ROOT) + ".mp4");
        if (Files.exists(file)) {
            return file;
        }
        List<String> command = new ArrayList<>(List.of(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25"));
        if (media.audio()) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000"));
        }
        command.addAll(List.of("-t", "240", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p"));
        command.addAll(media.codec);
        command.add(file.toString());
        run(command);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** What runs a command as {@value #VLC_USER} when the tests run as root (VLC refuses root); nothing otherwise. */
    static List<String> asVlcUser() {
        return "root".equals(System.getProperty("user.name")) ? List.of("runuser", "-u", VLC_USER, "--") : List.of();
    }

    /** VLC 3 serving {@code file} in a loop at {@code rtsp://127.0.0.1:<port>/cam} (RTP over UDP only). */
    public static Server vlc(Path file) {
        int port = FreePorts.pick();
        List<String> command = new ArrayList<>(asVlcUser());
        command.addAll(List.of("cvlc", "-q", "--no-stats", "--loop", file.toString(),
                "--sout", "#rtp{sdp=rtsp://127.0.0.1:" + port + "/cam}", "--sout-keep"));
        Process vlc = start(command);
        String url = "rtsp://127.0.0.1:" + port + "/cam";
        Server server = new Server(url, List.of(vlc));
        awaitDescribe(server, url, null);
        return server;
    }

    /**
     * npm rtsp-streaming-server with FFmpeg publishing {@code file} to it in a loop; its viewers need {@code login}
     * (Basic) when it is given.
     */
    public static Server rtspStreamingServer(Path file, RtspTestCamera.Login login) {
        Path modules = NpmFiles.file(RTSP_STREAMING_SERVER, "package.json").getParent().getParent();
        Path script;
        try {
            script = Files.createTempFile("rtsp_streaming_server", ".js");
            try (InputStream in = ThirdPartyCameras.class.getResourceAsStream("rtsp_streaming_server.js")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int publish = FreePorts.pick();
        int client = FreePorts.pick();
        int rtp = 20_000 + 2 * (int) (Math.random() * 10_000);
        ProcessBuilder node = new ProcessBuilder("node", script.toString(), Integer.toString(publish),
                Integer.toString(client), Integer.toString(rtp)).redirectErrorStream(true);
        node.environment().put("NODE_PATH", modules.toString());
        if (login != null) {
            node.environment().put("RTSP_CAMERA_USER", login.username());
            node.environment().put("RTSP_CAMERA_PASSWORD", login.password());
        }
        Process server = start(node);
        awaitListening(publish, server);
        Process publisher = start(List.of(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-re",
                "-stream_loop", "-1", "-i", file.toString(), "-c", "copy", "-f", "rtsp",
                "rtsp://127.0.0.1:" + publish + "/cam"));
        String url = "rtsp://127.0.0.1:" + client + "/cam";
        Server running = new Server(url, List.of(publisher, server));
        awaitDescribe(running, url, login);
        return running;
    }

    private static Process start(List<String> command) {
        return start(new ProcessBuilder(command).redirectErrorStream(true));
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + builder.command().getFirst()
                    + " (./cctv test installs the third-party camera servers)", e);
        }
    }

    /* Waits until something accepts connections on the port (20 s): the publisher must not knock before. */
    private static void awaitListening(int port, Process server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
        server.destroyForcibly();
        throw new IllegalStateException("rtsp-streaming-server did not listen on " + port);
    }

    /* Waits until the server answers DESCRIBE with 200 (20 s), else stops it and fails. */
    private static void awaitDescribe(Server server, String url, RtspTestCamera.Login login) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = describe(url, login);
            if (status == 200) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        server.close();
        throw new IllegalStateException("the third-party RTSP server at " + URI.create(url).getPort()
                + " did not describe its stream (last status " + status + ")");
    }

    /** The status of a DESCRIBE of {@code url} (with a Basic login when given), or -1 when nothing answered. */
    public static int describe(String url, RtspTestCamera.Login login) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(3_000);
            String auth = login == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString(
                    (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)) + "\r\n";
            socket.getOutputStream().write(("DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n"
                    + auth + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            String line = new String(head, StandardCharsets.US_ASCII);
            return line.startsWith("RTSP/1.0 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
