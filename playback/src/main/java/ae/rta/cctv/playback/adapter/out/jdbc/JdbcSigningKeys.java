package ae.rta.cctv.playback.adapter.out.jdbc;

import ae.rta.cctv.common.security.SecretBox;
import ae.rta.cctv.playback.application.port.out.SigningKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing key pairs in PostgreSQL ({@code playback.signing_key}), the private key sealed by a {@link SecretBox}. The
 * first instance to ask creates the pair; a concurrent first ask by another instance keeps whichever was inserted first.
 */
public final class JdbcSigningKeys implements SigningKeys {

    private final JdbcClient jdbc;
    private final SecretBox box;

    public JdbcSigningKeys(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    private record Stored(String algorithm, String privateKey, byte[] publicKey) {
    }

    @Override
    public KeyPair getOrCreate(String name, Supplier<KeyPair> create) {
        KeyPair fresh = create.get();
        jdbc.sql("INSERT INTO signing_key (name, algorithm, private_key, public_key, created_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (name) DO NOTHING")
                .params(name, fresh.getPublic().getAlgorithm(),
                        box.seal(Base64.getEncoder().encodeToString(fresh.getPrivate().getEncoded())),
                        fresh.getPublic().getEncoded(), Timestamp.from(Instant.now()))
                .update();
        Stored stored = jdbc.sql("SELECT algorithm, private_key, public_key FROM signing_key WHERE name = ?").param(name)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3))).single();
        try {
            KeyFactory keys = KeyFactory.getInstance(stored.algorithm());
            return new KeyPair(keys.generatePublic(new X509EncodedKeySpec(stored.publicKey())),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(box.open(stored.privateKey())))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored signing key " + name + " cannot be read", e);
        }
    }
}
