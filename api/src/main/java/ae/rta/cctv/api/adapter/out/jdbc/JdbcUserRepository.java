package ae.rta.cctv.api.adapter.out.jdbc;

import ae.rta.cctv.api.application.port.out.UserRepository;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.api.domain.User;
import ae.rta.cctv.common.domain.AgencyCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUserRepository implements UserRepository {

    private static final String COLUMNS =
            "id, username, display_name, role, agency, enabled, token_version, created_at, password_hash";

    private final JdbcClient jdbc;

    JdbcUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Credentials> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(username) = lower(?)")
                .param(username)
                .query((rs, n) -> new Credentials(user(rs), rs.getString("password_hash")))
                .optional();
    }

    @Override
    public Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id).query((rs, n) -> user(rs)).optional();
    }

    @Override
    public void insert(User user, String passwordHash) {
        try {
            jdbc.sql("""
                    INSERT INTO app_user (id, username, display_name, password_hash, role, agency, enabled, token_version,
                                          created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(user.id(), user.username(), user.displayName(), passwordHash, user.role().name(),
                            user.agency().value(), user.enabled(), user.tokenVersion(), Timestamp.from(user.createdAt()),
                            Timestamp.from(user.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateUsernameException(user.username());
        }
    }

    @Override
    public boolean update(User user) {
        return jdbc.sql("""
                UPDATE app_user SET display_name = ?, role = ?, agency = ?, enabled = ?, token_version = ?, updated_at = now()
                WHERE id = ?""")
                .params(user.displayName(), user.role().name(), user.agency().value(), user.enabled(),
                        user.tokenVersion(), user.id())
                .update() == 1;
    }

    @Override
    public boolean updatePassword(User user, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = ?, token_version = ?, updated_at = now() WHERE id = ?")
                .params(passwordHash, user.tokenVersion(), user.id())
                .update() == 1;
    }

    @Override
    public List<User> list(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY lower(username) OFFSET ? LIMIT ?")
                .params(offset, limit)
                .query((rs, n) -> user(rs))
                .list();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), new AgencyCode(rs.getString("agency")), rs.getBoolean("enabled"),
                rs.getInt("token_version"), rs.getTimestamp("created_at").toInstant());
    }
}
