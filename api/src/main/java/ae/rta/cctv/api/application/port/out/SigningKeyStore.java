package ae.rta.cctv.api.application.port.out;

import java.time.Instant;
import java.util.List;

/** Durable access-token signing keys, shared by every api instance. Keys arrive and leave encrypted. */
public interface SigningKeyStore {

    /** A stored key. @param retiredAt null while the key is the one to sign with */
    record StoredKey(String kid, String encryptedJwk, Instant createdAt, Instant retiredAt) {
    }

    /** Every key, newest first. */
    List<StoredKey> all();

    /**
     * Makes {@code key} the signing key and retires the current one, unless another instance rotated since
     * {@code expectedCurrentKid} was read (then nothing changes). {@code expectedCurrentKid} is null for the first key.
     *
     * @return whether this call installed the key
     */
    boolean rotate(StoredKey key, String expectedCurrentKid);

    /** Deletes keys retired before {@code cutoff}: no token they signed can still be valid. */
    int deleteRetiredBefore(Instant cutoff);
}
