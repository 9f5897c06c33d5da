package ae.rta.cctv.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Checks that what a service keeps on disk is for its own user alone (issue 18: footage files were mode 644). */
public final class FileModes {

    private FileModes() {
    }

    /**
     * Fails unless {@code root} and every folder under it is mode 0700 and every file 0600; files that go while the
     * tree is walked (a segment uploaded, say) are skipped.
     *
     * @return how many files were checked
     */
    public static int assertOwnerOnly(Path root) {
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String mode;
                try {
                    mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                } catch (NoSuchFileException gone) {
                    continue;
                }
                boolean folder = Files.isDirectory(p);
                files += folder ? 0 : 1;
                if (!mode.equals(folder ? "rwx------" : "rw-------")) {
                    wrong.add(mode + " " + root.relativize(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(wrong).as("folders 0700 and files 0600 under " + root).isEmpty();
        return files;
    }
}
