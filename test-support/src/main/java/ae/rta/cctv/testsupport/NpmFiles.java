package ae.rta.cctv.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A file of a pinned npm package for browser tests (hls.js, say), installed once from the npm registry into a cache
 * under {@code ~/.cache/cctv-test-npm} with the machine's npm ({@code ./cctv test} makes sure there is one).
 */
public final class NpmFiles {

    private NpmFiles() {
    }

    /** @param spec {@code name@version}, pinned; @param file a path inside the package */
    public static synchronized Path file(String spec, String file) {
        String name = spec.substring(0, spec.lastIndexOf('@'));
        Path prefix = Path.of(System.getProperty("user.home"), ".cache", "cctv-test-npm", spec.replace('/', '_'));
        Path target = prefix.resolve("node_modules").resolve(name).resolve(file);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(prefix);
            Process p = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                    prefix.toString(), spec).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(target)) {
                throw new IllegalStateException("npm could not install " + spec + " (./cctv test needs node and npm): " + output);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
