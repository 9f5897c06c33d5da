package ae.rta.cctv.playback.adapter.out.jdbc;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.playback.application.port.out.ExportJobs;
import ae.rta.cctv.playback.domain.ExportJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export jobs in PostgreSQL ({@code playback.export_job}). */
public final class JdbcExportJobs implements ExportJobs {

    private static final String COLUMNS = "id, camera_id, range_start, range_end, requested_by, status, progress, created_at, "
            + "finished_at, hold_id, sha256, size_bytes, manifest, signature, error";

    private final JdbcClient jdbc;

    public JdbcExportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ExportJob j) {
        jdbc.sql("INSERT INTO export_job (id, camera_id, range_start, range_end, requested_by, status, progress, created_at, hold_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(j.id(), j.camera().value(), ts(j.start()), ts(j.end()), j.requestedBy(), j.status().name(),
                        ts(j.createdAt()), j.holdId())
                .update();
    }

    @Override
    public Optional<ExportJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM export_job WHERE id = ?").param(id).query((rs, n) -> job(rs)).optional();
    }

    @Override
    public List<ExportJob> list(String requestedBy, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM export_job WHERE (CAST(? AS text) IS NULL OR requested_by = ?) "
                        + "ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(requestedBy, requestedBy, size, (long) page * size).query((rs, n) -> job(rs)).list();
    }

    @Override
    public long count(String requestedBy) {
        return jdbc.sql("SELECT count(*) FROM export_job WHERE (CAST(? AS text) IS NULL OR requested_by = ?)")
                .params(requestedBy, requestedBy).query(Long.class).single();
    }

    @Override
    public Optional<ExportJob> claim(String runner, Instant now) {
        return jdbc.sql("UPDATE export_job SET status = 'RUNNING', runner = ?, started_at = ?, heartbeat_at = ?, "
                        + "attempts = attempts + 1 WHERE id = (SELECT id FROM export_job WHERE status = 'QUEUED' "
                        + "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .params(runner, ts(now), ts(now)).query((rs, n) -> job(rs)).optional();
    }

    @Override
    public void progress(UUID id, double progress, Instant now) {
        jdbc.sql("UPDATE export_job SET progress = ?, heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(Math.max(0, Math.min(1, progress)), ts(now), id).update();
    }

    @Override
    public void done(UUID id, String sha256, long sizeBytes, String manifest, String signature, Instant now) {
        jdbc.sql("UPDATE export_job SET status = 'DONE', progress = 1, sha256 = ?, size_bytes = ?, manifest = ?, "
                        + "signature = ?, finished_at = ?, heartbeat_at = ?, error = NULL WHERE id = ?")
                .params(sha256, sizeBytes, manifest, signature, ts(now), ts(now), id).update();
    }

    @Override
    public void fail(UUID id, String error, Instant now) {
        jdbc.sql("UPDATE export_job SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?")
                .params(error, ts(now), id).update();
    }

    @Override
    public int requeueStale(Duration silence, int maxAttempts, Instant now) {
        Timestamp before = ts(now.minus(silence));
        jdbc.sql("UPDATE export_job SET status = 'FAILED', finished_at = ?, error = 'its runner stopped ' || attempts || "
                        + "' times; ask for the export again' WHERE status = 'RUNNING' AND heartbeat_at < ? AND attempts >= ?")
                .params(ts(now), before, maxAttempts).update();
        return jdbc.sql("UPDATE export_job SET status = 'QUEUED', progress = 0, runner = NULL "
                        + "WHERE status = 'RUNNING' AND heartbeat_at < ?")
                .param(before).update();
    }

    private static ExportJob job(ResultSet rs) throws SQLException {
        long size = rs.getLong("size_bytes");
        return new ExportJob(rs.getObject("id", UUID.class), new CameraId(rs.getObject("camera_id", UUID.class)),
                instant(rs, "range_start"), instant(rs, "range_end"), rs.getString("requested_by"),
                ExportJob.Status.valueOf(rs.getString("status")), rs.getDouble("progress"), instant(rs, "created_at"),
                instant(rs, "finished_at"), rs.getObject("hold_id", UUID.class), rs.getString("sha256"),
                rs.wasNull() ? null : size, rs.getString("manifest"), rs.getString("signature"), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
