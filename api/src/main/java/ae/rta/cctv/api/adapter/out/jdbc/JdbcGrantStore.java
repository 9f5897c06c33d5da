package ae.rta.cctv.api.adapter.out.jdbc;

import ae.rta.cctv.api.application.port.out.GrantStore;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.LinkGrant;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcGrantStore implements GrantStore {

    private final JdbcClient jdbc;

    JdbcGrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(LinkGrant g) {
        jdbc.sql("""
                INSERT INTO link_grant (id, kind, subject, username, role, agency, session_id, token_version, camera_id,
                                        target, detail, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(g.id(), g.kind().name(), g.caller().subject(), g.caller().username(), g.caller().role().name(),
                        g.caller().agency().value(), g.caller().session().orElse(null), g.tokenVersion(), g.camera().value(),
                        g.target(), g.detail(), Timestamp.from(g.createdAt()))
                .update();
    }

    @Override
    public Optional<LinkGrant> find(UUID id) {
        return jdbc.sql("SELECT * FROM link_grant WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    /* The UPDATE ... WHERE first_used_at IS NULL is the atomic step: of concurrent first uses, one marks it. */
    @Override
    public boolean markFirstUse(UUID id, Instant now) {
        return jdbc.sql("UPDATE link_grant SET first_used_at = ? WHERE id = ? AND first_used_at IS NULL")
                .params(Timestamp.from(now), id).update() == 1;
    }

    @Override
    public int deleteCreatedBefore(Instant before) {
        return jdbc.sql("DELETE FROM link_grant WHERE created_at < ?").param(Timestamp.from(before)).update();
    }

    private static LinkGrant row(ResultSet rs) throws SQLException {
        Caller caller = new Caller(rs.getString("subject"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                new AgencyCode(rs.getString("agency")), Optional.ofNullable(rs.getObject("session_id", UUID.class)));
        Timestamp used = rs.getTimestamp("first_used_at");
        return new LinkGrant(rs.getObject("id", UUID.class), LinkGrant.Kind.valueOf(rs.getString("kind")), caller,
                (Integer) rs.getObject("token_version"), new CameraId(rs.getObject("camera_id", UUID.class)),
                rs.getString("target"), rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
                used == null ? null : used.toInstant());
    }
}
