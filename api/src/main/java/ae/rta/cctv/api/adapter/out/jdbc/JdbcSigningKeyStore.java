package ae.rta.cctv.api.adapter.out.jdbc;

import ae.rta.cctv.api.application.port.out.SigningKeyStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcSigningKeyStore implements SigningKeyStore {

    private final JdbcClient jdbc;

    JdbcSigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredKey> all() {
        return jdbc.sql("SELECT kid, encrypted_jwk, created_at, retired_at FROM signing_key ORDER BY created_at DESC")
                .query((rs, n) -> new StoredKey(rs.getString("kid"), rs.getString("encrypted_jwk"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    /* Instances rotating at once serialise on a transaction-scoped advisory lock; the loser sees a changed current key. */
    @Override
    @Transactional
    public boolean rotate(StoredKey key, String expectedCurrentKid) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cctv-signing-key'))").query(Object.class).single();
        List<String> current = jdbc.sql("SELECT kid FROM signing_key WHERE retired_at IS NULL").query(String.class).list();
        boolean expected = expectedCurrentKid == null ? current.isEmpty() : current.equals(List.of(expectedCurrentKid));
        if (!expected) {
            return false;
        }
        jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL").param(Timestamp.from(key.createdAt())).update();
        jdbc.sql("INSERT INTO signing_key (kid, encrypted_jwk, created_at) VALUES (?, ?, ?)")
                .params(key.kid(), key.encryptedJwk(), Timestamp.from(key.createdAt()))
                .update();
        return true;
    }

    @Override
    public int deleteRetiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM signing_key WHERE retired_at IS NOT NULL AND retired_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
