package ae.rta.cctv.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, item 9: export, spool and cache files were mode 644 (readable by every user of the machine). */
final class PrivateFilesTest {

    @TempDir
    Path dir;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void foldersAreMadeOwnerOnlyAndAnExistingOneIsNarrowed() throws IOException {
        Path deep = dir.resolve("a/b/c");
        PrivateFiles.directories(deep);
        assertThat(List.of(mode(dir.resolve("a")), mode(dir.resolve("a/b")), mode(deep))).containsOnly("rwx------");
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        PrivateFiles.directories(open);
        assertThat(mode(open)).isEqualTo("rwx------");
    }

    @Test
    void filesAreWrittenAndCopiedOwnerOnly() throws IOException {
        Path written = dir.resolve("manifest.json");
        PrivateFiles.writeString(written, "{}");
        Path existing = Files.writeString(dir.resolve("old.txt"), "readable by all");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.write(existing, new byte[] {1, 2});
        Path copied = dir.resolve("copy.mp4");
        assertThat(PrivateFiles.copy(existing, copied)).isEqualTo(2);
        assertThat(List.of(mode(written), mode(existing), mode(copied))).containsOnly("rw-------");
        assertThat(Files.readString(written)).isEqualTo("{}");
        assertThat(Files.readAllBytes(copied)).containsExactly(1, 2);
    }

    @Test
    void aChildProcessCreatesOwnerOnlyFilesAndFoldersAndKeepsItsExitStatus() throws Exception {
        Path file = dir.resolve("seg-000001.mp4");
        Path folder = dir.resolve("hls");
        Process p = new ProcessBuilder(PrivateFiles.command(List.of("/bin/sh", "-c", "touch \"$1\" && mkdir \"$2\" && exit 3",
                "sh", file.toString(), folder.toString()))).start();
        assertThat(p.waitFor()).isEqualTo(3);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(folder)).isEqualTo("rwx------");
    }
}
