package ae.rta.cctv.storage.adapter.out.jdbc;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.storage.application.port.out.RetentionStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRetentionStore implements RetentionStore {

    private static final String NOT_HELD = """
            NOT EXISTS (SELECT 1 FROM evidence_hold h WHERE h.camera_id = s.camera_id AND h.released_at IS NULL
                        AND h.start_time < s.end_time AND h.end_time > s.start_time)""";

    private final JdbcClient jdbc;

    JdbcRetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalInt days(CameraId camera) {
        return jdbc.sql("SELECT days FROM retention_policy WHERE camera_id = ?").param(camera.value()).query(Integer.class)
                .optional().map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public void setDays(CameraId camera, Integer days) {
        if (days == null) {
            jdbc.sql("DELETE FROM retention_policy WHERE camera_id = ?").param(camera.value()).update();
            return;
        }
        jdbc.sql("INSERT INTO retention_policy (camera_id, days) VALUES (?, ?) ON CONFLICT (camera_id) DO UPDATE SET days = EXCLUDED.days")
                .params(camera.value(), days).update();
    }

    @Override
    public UUID addHold(Hold hold, Instant now) {
        jdbc.sql("INSERT INTO evidence_hold (id, camera_id, start_time, end_time, reason, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(hold.id(), hold.camera().value(), Timestamp.from(hold.start()), Timestamp.from(hold.end()),
                        hold.reason(), hold.reference(), Timestamp.from(now))
                .update();
        return hold.id();
    }

    @Override
    public boolean releaseHold(UUID id, Instant now) {
        return jdbc.sql("UPDATE evidence_hold SET released_at = ? WHERE id = ? AND released_at IS NULL")
                .params(Timestamp.from(now), id).update() == 1;
    }

    @Override
    public Optional<Hold> hold(UUID id) {
        return jdbc.sql("SELECT id, camera_id, start_time, end_time, reason, reference FROM evidence_hold WHERE id = ? AND released_at IS NULL")
                .param(id)
                .query((rs, n) -> new Hold(rs.getObject(1, UUID.class), new CameraId(rs.getObject(2, UUID.class)),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .optional();
    }

    @Override
    public List<Expired> expired(Instant now, int defaultDays, int limit) {
        return jdbc.sql("""
                SELECT s.id, s.camera_id, s.object_key, s.bytes FROM segment s
                LEFT JOIN retention_policy p ON p.camera_id = s.camera_id
                WHERE s.end_time < ?::timestamptz - make_interval(days => coalesce(p.days, ?))""" + " AND " + NOT_HELD
                        + " ORDER BY s.start_time LIMIT ?")
                .params(Timestamp.from(now), defaultDays, limit)
                .query((rs, n) -> new Expired(rs.getLong(1), new CameraId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getLong(4)))
                .list();
    }

    @Override
    public long heldPastRetention(Instant now, int defaultDays) {
        return jdbc.sql("""
                SELECT count(*) FROM segment s LEFT JOIN retention_policy p ON p.camera_id = s.camera_id
                WHERE s.end_time < ?::timestamptz - make_interval(days => coalesce(p.days, ?))""" + " AND " + NOT_HELD.substring(4))
                .params(Timestamp.from(now), defaultDays)
                .query(Long.class).single();
    }

    @Override
    public List<Expired> oldestUnheld(int limit) {
        return jdbc.sql("SELECT s.id, s.camera_id, s.object_key, s.bytes FROM segment s WHERE " + NOT_HELD
                        + " ORDER BY s.start_time LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Expired(rs.getLong(1), new CameraId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getLong(4)))
                .list();
    }

    @Override
    public long totalBytes() {
        return jdbc.sql("SELECT coalesce(sum(bytes), 0) FROM segment").query(Long.class).single();
    }

    @Override
    public void deleteSegment(long id) {
        jdbc.sql("DELETE FROM segment WHERE id = ?").param(id).update();
    }
}
