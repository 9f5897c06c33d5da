package ae.rta.cctv.storage.adapter.out;

import ae.rta.cctv.storage.ObjectStoreContract;
import ae.rta.cctv.storage.adapter.out.filesystem.FileSystemObjectStore;
import ae.rta.cctv.storage.adapter.out.filesystem.MediaSigner;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The filesystem store against the contract; its signed URLs are served here by a minimal stand-in for the
 * storage service's media route (the real route is tested with the service).
 */
final class FileSystemObjectStoreTest extends ObjectStoreContract {

    private static HttpServer media;
    private static FileSystemObjectStore store;

    @BeforeAll
    static void start() throws IOException {
        Path root = Files.createTempDirectory("fs-store");
        media = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MediaSigner signer = new MediaSigner("http://127.0.0.1:" + media.getAddress().getPort(), "secret", Clock.systemUTC());
        store = new FileSystemObjectStore(root, signer, Clock.systemUTC());
        media.createContext("/media/", exchange -> {
            String key = exchange.getRequestURI().getPath().substring("/media/".length());
            byte[] bytes;
            try (InputStream in = store.get(key, 0, -1)) {
                bytes = in.readAllBytes();
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            int status = 200;
            if (range != null) {
                String[] bounds = range.substring(6).split("-");
                int from = Integer.parseInt(bounds[0]);
                int to = Integer.parseInt(bounds[1]);
                bytes = java.util.Arrays.copyOfRange(bytes, from, to + 1);
                status = 206;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        media.start();
    }

    @AfterAll
    static void stop() {
        media.stop(0);
    }

    @Override
    protected ObjectStore store() {
        return store;
    }
}
