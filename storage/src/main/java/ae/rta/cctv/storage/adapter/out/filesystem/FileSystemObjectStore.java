package ae.rta.cctv.storage.adapter.out.filesystem;

import ae.rta.cctv.common.security.PrivateFiles;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Objects as files under a root folder (the one-machine default). A put writes a temporary file, fsyncs it and
 * renames it into place, so a crash never leaves half an object; the SHA-256 sits beside it in {@code <key>.sha256}.
 * Folders are made mode 0700 and files 0600: footage is for this service's user alone.
 * Signed URLs point at this service's {@code /media/} route, signed by {@link MediaSigner}.
 */
public final class FileSystemObjectStore implements ObjectStore {

    private final Path root;
    private final MediaSigner signer;
    private final Clock clock;

    public FileSystemObjectStore(Path root, MediaSigner signer, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public java.util.OptionalLong freeBytes() {
        Path existing = root.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
        } catch (IOException e) {
            return java.util.OptionalLong.empty();
        }
    }

    @Override
    public String name() {
        return "filesystem";
    }

    /** The file of a key, for the media route. */
    public Path file(String key) {
        Path path = root.resolve(ObjectStore.requireKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return path;
    }

    @Override
    public void put(String key, Path file, String sha256) {
        Path target = file(key);
        try {
            PrivateFiles.directories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            PrivateFiles.copy(file, partial);
            force(partial);
            PrivateFiles.writeString(target.resolveSibling(target.getFileName() + ".sha256"), sha256);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            force(target.getParent());
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException("filesystem store: cannot write " + key + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Optional<StoredObject> head(String key) {
        Path target = file(key);
        try {
            if (!Files.isRegularFile(target)) {
                return Optional.empty();
            }
            Path sha = target.resolveSibling(target.getFileName() + ".sha256");
            return Optional.of(new StoredObject(Files.size(target),
                    Files.exists(sha) ? Files.readString(sha, StandardCharsets.US_ASCII).strip() : null));
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException("filesystem store: cannot read " + key, e);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file(key), StandardOpenOption.READ);
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            return length < 0 ? in : new java.io.FilterInputStream(in) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buffer, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (NoSuchFileException e) {
            throw new ObjectStoreUnavailableException("filesystem store: no object " + key, e);
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException("filesystem store: cannot read " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        Path target = file(key);
        try {
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".sha256"));
            return Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException("filesystem store: cannot delete " + key, e);
        }
    }

    @Override
    public URI signedUrl(String key, Duration ttl) {
        return signer.sign(ObjectStore.requireKey(key), clock.instant().plus(ttl));
    }

    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, Files.isDirectory(path) ? StandardOpenOption.READ
                : StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
