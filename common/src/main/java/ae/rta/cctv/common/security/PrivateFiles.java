package ae.rta.cctv.common.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Footage, exports and the links inside their work files are for this service's user alone: folders are made mode
 * 0700 and files 0600, whatever the process umask. FFmpeg creates its output files itself, so it is started through
 * {@link #command} under {@code umask 077}. On a file system without POSIX permissions the calls create as usual.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Makes {@code dir} and every missing parent, each mode 0700; an existing {@code dir} is narrowed to 0700 (parents
     * that exist are left as they are).
     *
     * @return {@code dir}
     */
    public static Path directories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.addFirst(p);
        }
        for (Path p : missing) {
            try {
                if (POSIX) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(FOLDER));
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(p)) {
                    throw raced;
                }
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(absolute, FOLDER);
        }
        return dir;
    }

    /** Narrows a file (one a child process wrote, say) to mode 0600. */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Opens {@code file} for writing, created mode 0600 or truncated and narrowed to it. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = Channels.newOutputStream(POSIX
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(FILE))
                : Files.newByteChannel(file, options));
        restrict(file);
        return out;
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(bytes);
        }
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies {@code source} to {@code target} (replaced if there), mode 0600. @return the bytes copied */
    public static long copy(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source); OutputStream out = newOutputStream(target)) {
            return in.transferTo(out);
        }
    }

    /**
     * {@code command} run so that every file it creates is mode 0600 and every folder 0700: through {@code /bin/sh},
     * which sets {@code umask 077} and replaces itself with the command ({@code exec}), so the process, its id and
     * its exit status are the command's own.
     */
    public static List<String> command(List<String> command) {
        if (!POSIX) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
    }
}
