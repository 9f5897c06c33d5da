package ae.rta.cctv.testsupport;

import ae.rta.cctv.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Janus WebRTC gateway (Debian's {@code janus}, installed by {@code ./cctv test}) for tests: a private copy of
 * {@code /etc/janus} with only the HTTP transport (on a free loopback port) and no sample mountpoints. Janus offers
 * the host's primary non-loopback address as its ICE candidate (it never offers 127.0.0.1), so the machine needs
 * one, as any machine with a network has. Facts behind this in {@code docs/janus-wire-facts.md}.
 */
public final class JanusServer implements AutoCloseable {

    private static final Path JANUS = Path.of("/usr/bin/janus");
    private static final Path DEBIAN_CONFIG = Path.of("/etc/janus");

    private final int port;
    private final Path dir;
    private Process process;

    private JanusServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts a gateway on a free port and waits until its API answers. */
    public static JanusServer start() {
        if (!Files.isExecutable(JANUS) || !Files.isDirectory(DEBIAN_CONFIG)) {
            throw new IllegalStateException("Janus is not installed (" + JANUS + "): run the tests through ./cctv test, "
                    + "which installs Debian's janus package");
        }
        try {
            JanusServer server = new JanusServer(FreePorts.pick(), Files.createTempDirectory("janus"));
            server.configure();
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP API's URL, as the live service is configured with it. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port + "/janus";
    }

    private void configure() throws IOException {
        try (Stream<Path> files = Files.list(DEBIAN_CONFIG)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path core = dir.resolve("janus.jcfg");
        Files.writeString(core, Files.readString(core)
                .replace("plugins: {", "plugins: {\n\tdisable = \"libjanus_audiobridge.so,libjanus_duktape.so,"
                        + "libjanus_echotest.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,"
                        + "libjanus_textroom.so,libjanus_videocall.so,libjanus_videoroom.so,libjanus_voicemail.so\"")
                .replace("transports: {", "transports: {\n\tdisable = \"libjanus_websockets.so,libjanus_mqtt.so,"
                        + "libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so\""));
        Path http = dir.resolve("janus.transport.http.jcfg");
        Files.writeString(http, Files.readString(http)
                .replaceFirst("(?m)^(\\s*)port = 8088", "$1port = " + port)
                .replaceFirst("(?m)^(\\s*)#ip = \"192.168.0.1\"", "$1ip = \"127.0.0.1\""));
        // No sample mountpoints: they would bind ports on every interface.
        Files.writeString(dir.resolve("janus.plugin.streaming.jcfg"), "general: {\n}\n");
    }

    /** Starts the gateway (again, after {@link #kill()}), waiting until its API answers. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(JANUS.toString(), "-F", dir.toString(), "-C", dir.resolve("janus.jcfg").toString(), "-o")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("janus.log").toFile())
                    .start();
            awaitAnswer(Duration.ofSeconds(15));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswer(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> info = client.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/info"))
                        .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (info.statusCode() == 200 && info.body().contains("server_info")) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.onSpinWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Janus did not answer on " + apiUrl() + " within " + timeout + "; its log ends:\n" + logTail());
    }

    /** The last lines Janus logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("janus.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the gateway as a crash would: SIGKILL; everything it held (mountpoints, sessions) is gone. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            if (process.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).join() == null) {
                process.destroyForcibly().onExit().join();
            }
        }
    }
}
