package ae.rta.cctv.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ae.rta.cctv.storage.application.port.out.ObjectStore;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every object store adapter does; run against the filesystem and against S3 (s3proxy). */
public abstract class ObjectStoreContract {

    @TempDir
    protected Path temp;

    protected abstract ObjectStore store();

    private Path file(int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(temp.resolve(UUID.randomUUID() + ".bin"), bytes);
    }

    private static String key() {
        return "cameras/" + UUID.randomUUID() + "/2026/11/24/1764000000000.mp4";
    }

    @Test
    void whatIsPutComesBackWholeAndByRange() throws Exception {
        Path file = file(300_000);
        String key = key();
        store().put(key, file, "a".repeat(64));
        assertThat(store().head(key)).hasValueSatisfying(o -> {
            assertThat(o.size()).isEqualTo(300_000);
            assertThat(o.sha256()).isEqualTo("a".repeat(64));
        });
        byte[] expected = Files.readAllBytes(file);
        try (InputStream in = store().get(key, 0, -1)) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        try (InputStream in = store().get(key, 1000, 500)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(expected, 1000, 1500));
        }
    }

    @Test
    void aSignedUrlServesTheObjectWithRanges() throws Exception {
        Path file = file(50_000);
        String key = key();
        store().put(key, file, "b".repeat(64));
        URI url = store().signedUrl(key, Duration.ofMinutes(5));
        HttpResponse<byte[]> whole = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(Files.readAllBytes(file));
        HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).header("Range", "bytes=10-19")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(10);
    }

    @Test
    void deleteRemovesAndHeadSaysSo() throws Exception {
        String key = key();
        store().put(key, file(10), "c".repeat(64));
        assertThat(store().delete(key)).isTrue();
        assertThat(store().head(key)).isEmpty();
        assertThat(store().delete(key)).isFalse();
    }

    @Test
    void keysThatAreNotCleanRelativePathsAreRefused() {
        for (String bad : new String[] {"../etc/passwd", "/abs/key", "a//b", "a b", ""}) {
            assertThatThrownBy(() -> store().head(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
