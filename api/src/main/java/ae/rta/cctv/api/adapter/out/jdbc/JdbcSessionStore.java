package ae.rta.cctv.api.adapter.out.jdbc;

import ae.rta.cctv.api.application.port.out.SessionStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcSessionStore implements SessionStore {

    private final JdbcClient jdbc;

    JdbcSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void create(UUID sessionId, UUID userId, String sourceIp, Instant now, String tokenHash, Instant expiresAt) {
        jdbc.sql("INSERT INTO user_session (id, user_id, created_at, source_ip) VALUES (?, ?, ?, ?)")
                .params(sessionId, userId, Timestamp.from(now), sourceIp)
                .update();
        insertToken(tokenHash, sessionId, now, expiresAt);
    }

    /*
     * The UPDATE ... WHERE used_at IS NULL is the atomic step: of two concurrent uses of one token, exactly one marks
     * it used; the other finds it used and is treated as a reuse, which revokes the session.
     */
    @Override
    @Transactional
    public Rotation rotate(String tokenHash, String nextHash, Instant now, Instant nextExpiresAt) {
        Optional<Row> used = jdbc.sql("""
                UPDATE refresh_token t SET used_at = ?
                FROM user_session s
                WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > ? AND s.id = t.session_id
                  AND s.revoked_at IS NULL
                RETURNING s.id AS session_id, s.user_id""")
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now))
                .query((rs, n) -> new Row(rs.getObject("session_id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
        if (used.isPresent()) {
            insertToken(nextHash, used.get().session(), now, nextExpiresAt);
            return new Rotation.Rotated(used.get().session(), used.get().user());
        }
        Optional<Row> reused = jdbc.sql("""
                SELECT s.id AS session_id, s.user_id FROM refresh_token t JOIN user_session s ON s.id = t.session_id
                WHERE t.token_hash = ? AND t.used_at IS NOT NULL""")
                .param(tokenHash)
                .query((rs, n) -> new Row(rs.getObject("session_id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
        if (reused.isPresent()) {
            revoke(reused.get().session(), "refresh token reused", now);
            return new Rotation.Reused(reused.get().session(), reused.get().user());
        }
        return new Rotation.Refused();
    }

    private record Row(UUID session, UUID user) {
    }

    private void insertToken(String hash, UUID session, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_token (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash, session, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    @Override
    public void revoke(UUID sessionId, String reason, Instant now) {
        jdbc.sql("UPDATE user_session SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), reason, sessionId)
                .update();
    }

    @Override
    public void revokeAllOf(UUID userId, String reason, Instant now) {
        jdbc.sql("UPDATE user_session SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), reason, userId)
                .update();
    }

    @Override
    public Optional<SessionState> state(UUID sessionId) {
        return jdbc.sql("""
                SELECT s.revoked_at IS NOT NULL AS revoked, u.enabled, u.token_version
                FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.id = ?""")
                .param(sessionId)
                .query((rs, n) -> new SessionState(rs.getBoolean("revoked"), rs.getBoolean("enabled"),
                        rs.getInt("token_version")))
                .optional();
    }
}
