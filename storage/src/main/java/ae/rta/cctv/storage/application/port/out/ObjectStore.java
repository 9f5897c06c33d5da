package ae.rta.cctv.storage.application.port.out;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where footage objects are kept (S3/MinIO or a filesystem). Keys are relative paths of letters, digits and
 * {@code / _ . -}. Every adapter passes {@code ObjectStoreContract}.
 */
public interface ObjectStore {

    /** A short name of the adapter, stored with each segment: {@code s3} or {@code filesystem}. */
    String name();

    /**
     * Stores {@code file} under {@code key}, replacing any object there, with its SHA-256 alongside.
     *
     * @throws ObjectStoreUnavailableException when the store cannot be reached or refuses
     */
    void put(String key, Path file, String sha256);

    /** What the store holds under a key. @param sha256 as given at put time */
    record StoredObject(long size, String sha256) {
    }

    /** @throws ObjectStoreUnavailableException as {@link #put} */
    Optional<StoredObject> head(String key);

    /**
     * Reads {@code length} bytes from {@code offset} ({@code length < 0}: to the end). The caller closes the stream.
     *
     * @throws ObjectStoreUnavailableException as {@link #put}, or when there is no such object
     */
    InputStream get(String key, long offset, long length);

    /** @return whether an object was deleted @throws ObjectStoreUnavailableException as {@link #put} */
    boolean delete(String key);

    /** A URL anyone may GET (with Range) for {@code ttl}, and nothing else. */
    URI signedUrl(String key, Duration ttl);

    /**
     * Bytes the store can still take, when it can say (a filesystem: its disk's free space); empty for a bucket,
     * whose size is whatever was bought.
     */
    default java.util.OptionalLong freeBytes() {
        return java.util.OptionalLong.empty();
    }

    /** The store does not answer or refused; nothing was changed that the caller relies on. */
    final class ObjectStoreUnavailableException extends RuntimeException {
        public ObjectStoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @throws IllegalArgumentException for a key that is not a clean relative path */
    static String requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 512 || !key.matches("[A-Za-z0-9_.\\-/]+")
                || key.startsWith("/") || key.contains("..") || key.contains("//")) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return key;
    }
}
