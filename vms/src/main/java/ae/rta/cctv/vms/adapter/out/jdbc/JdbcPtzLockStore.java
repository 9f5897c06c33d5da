package ae.rta.cctv.vms.adapter.out.jdbc;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.port.out.PtzLockStore;
import ae.rta.cctv.vms.domain.PtzLock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPtzLockStore implements PtzLockStore {

    private final JdbcClient jdbc;

    JdbcPtzLockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /* One statement decides: the row is taken over only when it is ours, lapsed, or a take-over is asked. */
    @Override
    public PtzLock acquire(CameraId camera, String holder, String holderName, Instant now, Instant expiresAt,
            boolean takeOver) {
        jdbc.sql("""
                INSERT INTO ptz_lock (camera_id, holder, holder_name, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (camera_id) DO UPDATE SET holder = EXCLUDED.holder, holder_name = EXCLUDED.holder_name,
                                                      expires_at = EXCLUDED.expires_at
                WHERE ptz_lock.holder = EXCLUDED.holder OR ptz_lock.expires_at <= ? OR ?""")
                .params(camera.value(), holder, holderName, Timestamp.from(expiresAt), Timestamp.from(now), takeOver)
                .update();
        return jdbc.sql("SELECT holder, holder_name, expires_at FROM ptz_lock WHERE camera_id = ?")
                .param(camera.value())
                .query((rs, n) -> new PtzLock(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .single();
    }

    @Override
    public Optional<PtzLock> current(CameraId camera, Instant now) {
        return jdbc.sql("SELECT holder, holder_name, expires_at FROM ptz_lock WHERE camera_id = ? AND expires_at > ?")
                .params(camera.value(), Timestamp.from(now))
                .query((rs, n) -> new PtzLock(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    @Override
    public boolean release(CameraId camera, String holder) {
        if (holder == null) {
            return jdbc.sql("DELETE FROM ptz_lock WHERE camera_id = ?").param(camera.value()).update() > 0;
        }
        return jdbc.sql("DELETE FROM ptz_lock WHERE camera_id = ? AND holder = ?").params(camera.value(), holder).update() > 0;
    }
}
