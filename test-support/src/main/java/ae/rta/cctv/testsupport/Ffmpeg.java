package ae.rta.cctv.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds the real FFmpeg executables for tests; {@code ./cctv test} installs them when missing. */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    public static Path ffmpeg() {
        return onPath("ffmpeg");
    }

    public static Path ffprobe() {
        return onPath("ffprobe");
    }

    private static Path onPath(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                name + " is not on PATH: run the tests through ./cctv test, which installs FFmpeg"));
    }

    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
