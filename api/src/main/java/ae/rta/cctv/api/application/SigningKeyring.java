package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.SigningKeyStore;
import ae.rta.cctv.api.application.port.out.SigningKeyStore.StoredKey;
import ae.rta.cctv.common.security.SecretBox;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 keys that sign access tokens. One key signs; keys retired by a rotation stay published (JWKS) until every
 * token they signed has expired. Keys live in the database, encrypted with a key derived from the deployment's
 * service secret, so every api instance signs and verifies with the same set.
 */
public final class SigningKeyring {

    /*
     * Concurrency: the snapshot is immutable and swapped whole. Instances learn of another's rotation on their next
     * reload (every RELOAD_AFTER, or at once when a token names a kid they do not know); retired keys stay published
     * for the token lifetime plus RELOAD_AFTER, so a token signed by a just-retired key stays verifiable to its end.
     */
    private static final Logger log = LoggerFactory.getLogger(SigningKeyring.class);
    private static final Duration RELOAD_AFTER = Duration.ofSeconds(30);
    private static final Duration MISS_RELOAD_SPACING = Duration.ofSeconds(1);

    private final SigningKeyStore store;
    private final Clock clock;
    private final Duration rotationInterval;
    private final Duration keepRetired;
    private final SecretBox box;
    private volatile Snapshot snapshot;
    private volatile Instant lastMissReload = Instant.MIN;

    private record Snapshot(ECKey current, Instant currentCreated, Map<String, ECKey> publicKeys, Instant loadedAt) {
    }

    public SigningKeyring(SigningKeyStore store, Clock clock, Duration rotationInterval, Duration accessTokenTtl,
            String serviceSecret) {
        this.store = store;
        this.clock = clock;
        this.rotationInterval = rotationInterval;
        this.keepRetired = accessTokenTtl.plus(RELOAD_AFTER).plus(Duration.ofMinutes(1));
        this.box = SecretBox.create(null, serviceSecret, "cctv-signing-keys");
    }

    /** The key to sign with now, creating the first one when the store has none. */
    public ECKey signingKey() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(RELOAD_AFTER).isBefore(clock.instant())) {
            s = reload();
        }
        return s.current();
    }

    /** The public key named {@code kid}, if it is current or recently retired. */
    public Optional<ECKey> publicKey(String kid) {
        Snapshot s = snapshot == null ? reload() : snapshot;
        ECKey key = s.publicKeys().get(kid);
        Instant now = clock.instant();
        if (key == null && lastMissReload.plus(MISS_RELOAD_SPACING).isBefore(now)) {
            lastMissReload = now;
            key = reload().publicKeys().get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** The published keys, as a JWK set of public keys. */
    public JWKSet publicJwks() {
        signingKey();
        return new JWKSet(List.copyOf(snapshot.publicKeys().values()));
    }

    /** Rotates when the signing key is older than the rotation interval, and forgets keys no token can need. */
    public boolean rotateIfDue() {
        Snapshot s = reload();
        store.deleteRetiredBefore(clock.instant().minus(keepRetired));
        if (s.currentCreated().plus(rotationInterval).isAfter(clock.instant())) {
            return false;
        }
        return rotate();
    }

    /** Makes a new signing key now. @return whether this call installed it (false when another instance just did) */
    public synchronized boolean rotate() {
        Snapshot s = reload();
        boolean installed = store.rotate(newKey(), s.current().getKeyID());
        reload();
        return installed;
    }

    private synchronized Snapshot reload() {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<StoredKey> keys = store.all();
            Map<String, ECKey> usable = new HashMap<>();
            for (StoredKey k : keys) {
                unwrap(k).ifPresent(key -> usable.put(k.kid(), key));
            }
            Optional<StoredKey> current = keys.stream().filter(k -> k.retiredAt() == null).findFirst();
            if (current.isPresent() && usable.containsKey(current.get().kid())) {
                Map<String, ECKey> publics = new HashMap<>();
                usable.forEach((kid, key) -> publics.put(kid, key.toPublicJWK()));
                Snapshot s = new Snapshot(usable.get(current.get().kid()), current.get().createdAt(), Map.copyOf(publics),
                        clock.instant());
                snapshot = s;
                return s;
            }
            store.rotate(newKey(), current.map(StoredKey::kid).orElse(null));
        }
        throw new IllegalStateException("no usable signing key after creating one");
    }

    public List<String> publishedKeyIds() {
        return snapshot == null ? List.of() : snapshot.publicKeys().keySet().stream().sorted().collect(Collectors.toList());
    }

    private StoredKey newKey() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            return new StoredKey(key.getKeyID(), box.seal(key.toJSONString()), clock.instant(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }

    private Optional<ECKey> unwrap(StoredKey stored) {
        try {
            return Optional.of(ECKey.parse(box.open(stored.encryptedJwk())));
        } catch (ParseException | IllegalStateException e) {
            log.warn("signing key {} cannot be decrypted (was CCTV_SERVICE_SECRET changed?); it is ignored", stored.kid());
            return Optional.empty();
        }
    }
}
