package ae.rta.cctv.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary shipped in the embedded-redis jar) run as a child process on loopback.
 * It can be stopped and started again on the same port, which is how tests simulate an outage.
 */
public final class RedisEngine implements AutoCloseable {

    private final int port;
    private final Path directory;
    private RedisServer server;

    private RedisEngine(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /**
     * @param directory where Redis may write its files, or null for a temporary folder
     * @param port the port to listen on, or 0 for any free one
     */
    public static RedisEngine start(Path directory, int port) {
        try {
            Path dir = directory != null ? Files.createDirectories(directory) : Files.createTempDirectory("cctv-redis");
            RedisEngine engine = new RedisEngine(port == 0 ? FreePorts.pick() : port, dir);
            engine.start();
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    /** Starts the server again after {@link #stop()}, on the same port. */
    public synchronized void start() {
        if (server != null && server.isActive()) {
            return;
        }
        try {
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + directory.toAbsolutePath())
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 512mb")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException("Redis did not stop", e);
            }
            awaitPortFree();
        }
    }

    /* The process may outlive stop() by a few milliseconds; callers expect the port closed when it returns. */
    private void awaitPortFree() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!FreePorts.isFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Redis still holds port " + port + " after stopping");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
