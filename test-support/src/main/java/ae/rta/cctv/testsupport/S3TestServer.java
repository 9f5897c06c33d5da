package ae.rta.cctv.testsupport;

import ae.rta.cctv.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * A real S3 endpoint for tests: s3proxy in-process over a filesystem folder, with AWS v4 signatures checked. A
 * module that uses it declares {@code org.gaul:s3proxy} and {@code software.amazon.awssdk:s3} in test scope.
 * It can be stopped and started again on the same port and folder to simulate an object-store outage.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "cctv-test-access";
    public static final String SECRET_KEY = "cctv-test-secret-key-0123456789";

    private final int port;
    private final Path folder;
    private S3Proxy proxy;

    private S3TestServer(int port, Path folder) {
        this.port = port;
        this.folder = folder;
    }

    public static S3TestServer start() {
        try {
            S3TestServer server = new S3TestServer(FreePorts.pick(), Files.createTempDirectory("cctv-s3"));
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized void restart() {
        if (proxy != null) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toString());
        S3Proxy started = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(endpoint())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            started.start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!"STARTED".equals(started.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start: " + started.getState());
                }
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        proxy = started;
    }

    /** Stops answering, as an object-store outage would; the stored objects stay. */
    public synchronized void stop() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not stop", e);
            }
            proxy = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
