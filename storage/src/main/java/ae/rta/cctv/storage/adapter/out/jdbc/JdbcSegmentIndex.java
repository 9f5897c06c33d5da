package ae.rta.cctv.storage.adapter.out.jdbc;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.storage.application.port.out.SegmentIndex;
import ae.rta.cctv.common.media.Fmp4;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ae.rta.cctv.storage.StorageSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcSegmentIndex implements SegmentIndex {

    /* Consecutive segments of one recorder may overlap by a few frames' worth of clock jitter; that is not footage
     * recorded twice. */
    private static final Duration OVERLAP_TOLERANCE = Duration.ofMillis(1500);
    private static final String COLUMNS = "id, camera_id, start_time, end_time, bytes, sha256, codec, width, height,"
            + " init_size, store, object_key, recorder, fencing_token, imported, decode_timescale, decode_first, decode_end";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /* A stored segment's fragments are written with it, in its transaction, and never change: playback reads the
     * same thousands of rows again and again, so they are kept, weighed by count. Segment ids are never reused. */
    private final Cache<Long, List<Fmp4.Fragment>> fragmentCache;

    JdbcSegmentIndex(JdbcClient jdbc, JdbcTemplate template, StorageSettings settings, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.template = template;
        this.fragmentCache = Caffeine.newBuilder().maximumWeight(settings.fragmentCache())
                .weigher((Long id, List<Fmp4.Fragment> fragments) -> Math.max(1, fragments.size())).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, fragmentCache, "storage-fragments");
    }

    /*
     * Concurrency: the fencing upsert locks the camera's fence row for the transaction, so index operations of one
     * camera run one at a time and the overlap check cannot race another insert.
     */
    @Override
    @Transactional
    public Outcome index(NewSegment s) {
        if (s.fencingToken() < 0) {
            // An import, not a recorder: no lease to check; the camera row is still locked for the overlap check.
            jdbc.sql("INSERT INTO camera_fence (camera_id, token) VALUES (?, 0) ON CONFLICT (camera_id) DO UPDATE SET token = camera_fence.token")
                    .param(s.camera().value()).update();
            return indexUnfenced(s);
        }
        long fence = jdbc.sql("""
                INSERT INTO camera_fence (camera_id, token) VALUES (?, ?)
                ON CONFLICT (camera_id) DO UPDATE SET token = GREATEST(camera_fence.token, EXCLUDED.token)
                RETURNING token""")
                .params(s.camera().value(), s.fencingToken())
                .query(Long.class).single();
        if (fence > s.fencingToken()) {
            return new Outcome.Fenced(fence);
        }
        return indexUnfenced(s);
    }

    private Outcome indexUnfenced(NewSegment s) {
        Optional<IndexedSegment> same = jdbc.sql("SELECT " + COLUMNS + " FROM segment WHERE camera_id = ? AND start_time = ?")
                .params(s.camera().value(), Timestamp.from(s.start()))
                .query((rs, n) -> row(rs)).optional();
        if (same.isPresent() && same.get().sha256().equals(s.sha256())) {
            return new Outcome.AlreadyIndexed(same.get());
        }
        Optional<IndexedSegment> overlapping = jdbc.sql("SELECT " + COLUMNS
                        + " FROM segment WHERE camera_id = ? AND start_time < ? AND end_time > ? ORDER BY start_time LIMIT 1")
                .params(s.camera().value(), Timestamp.from(s.end().minus(OVERLAP_TOLERANCE)),
                        Timestamp.from(s.start().plus(OVERLAP_TOLERANCE)))
                .query((rs, n) -> row(rs)).optional();
        if (overlapping.isPresent()) {
            return new Outcome.Overlaps(overlapping.get());
        }
        ae.rta.cctv.common.domain.DecodeSpan decode = s.layout().decodeSpan();
        long id = jdbc.sql("""
                INSERT INTO segment (camera_id, start_time, end_time, duration_ms, bytes, sha256, codec, width, height,
                                     init_size, store, object_key, recorder, fencing_token, imported,
                                     decode_timescale, decode_first, decode_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(s.camera().value(), Timestamp.from(s.start()), Timestamp.from(s.end()),
                        (int) Duration.between(s.start(), s.end()).toMillis(), s.bytes(), s.sha256(), s.layout().codec(),
                        s.layout().width(), s.layout().height(), (int) s.layout().initSize(), s.store(), s.objectKey(),
                        s.recorder(), s.fencingToken(), s.imported(), decode.timescale(),
                        decode.first(), decode.end())
                .query(Long.class).single();
        List<Fmp4.Fragment> fragments = s.layout().fragments();
        template.batchUpdate("""
                INSERT INTO fragment (segment_id, seq, offset_ms, duration_ms, byte_offset, size, keyframe)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", fragments, 500, (ps, f) -> {
            ps.setLong(1, id);
            ps.setInt(2, f.seq());
            ps.setInt(3, (int) f.offsetMs());
            ps.setInt(4, (int) f.durationMs());
            ps.setLong(5, f.byteOffset());
            ps.setInt(6, (int) f.size());
            ps.setBoolean(7, f.keyframe());
        });
        return new Outcome.Indexed(segment(id).orElseThrow());
    }

    @Override
    public List<IndexedSegment> segments(CameraId camera, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segment WHERE camera_id = ? AND end_time > ? AND start_time < ? ORDER BY start_time")
                .params(camera.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> row(rs)).list();
    }

    @Override
    public Optional<IndexedSegment> segment(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segment WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    @Override
    public List<Fmp4.Fragment> fragments(long segmentId) {
        return fragments(List.of(segmentId)).get(segmentId);
    }

    @Override
    public java.util.Map<Long, List<Fmp4.Fragment>> fragments(java.util.Collection<Long> segmentIds) {
        return fragmentCache.getAll(segmentIds, this::fragmentsFromIndex);
    }

    private java.util.Map<Long, List<Fmp4.Fragment>> fragmentsFromIndex(java.util.Set<? extends Long> segmentIds) {
        java.util.Map<Long, List<Fmp4.Fragment>> bySegment = new java.util.HashMap<>();
        segmentIds.forEach(id -> bySegment.put(id, new java.util.ArrayList<>()));
        if (segmentIds.isEmpty()) {
            return bySegment;
        }
        jdbc.sql("""
                SELECT segment_id, seq, offset_ms, duration_ms, byte_offset, size, keyframe FROM fragment
                WHERE segment_id = ANY(?) ORDER BY segment_id, seq""")
                .param(segmentIds.toArray(Long[]::new))
                .query(rs -> {
                    bySegment.get(rs.getLong(1)).add(new Fmp4.Fragment(
                            rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getInt(6), rs.getBoolean(7)));
                });
        bySegment.replaceAll((id, fragments) -> List.copyOf(fragments));
        return bySegment;
    }

    @Override
    public void addGap(Gap gap) {
        jdbc.sql("INSERT INTO gap (camera_id, start_time, end_time, reason) VALUES (?, ?, ?, ?)")
                .params(gap.camera().value(), Timestamp.from(gap.start()), Timestamp.from(gap.end()), gap.reason())
                .update();
    }

    @Override
    public List<Gap> gaps(CameraId camera, Instant from, Instant to) {
        return jdbc.sql("SELECT start_time, end_time, reason FROM gap WHERE camera_id = ? AND end_time > ? AND start_time < ? ORDER BY start_time")
                .params(camera.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Gap(camera, rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)))
                .list();
    }

    /* One row a camera: its newest recorded segment and its newest gap since the given time (imports are not landing). */
    @Override
    public List<ae.rta.cctv.storage.domain.RecordingActivity> activity(Instant since) {
        Timestamp from = Timestamp.from(since);
        // The start bounds let the (camera_id, start_time) and start_time indexes do the work: no segment is longer
        // than an hour, and a gap that began more than a day before is not looked at (its reason is then not shown).
        return jdbc.sql("""
                WITH s AS (SELECT DISTINCT ON (camera_id) camera_id, end_time, duration_ms, codec, width, height
                           FROM segment WHERE start_time > ? AND end_time > ? AND recorder <> 'import'
                           ORDER BY camera_id, end_time DESC),
                     g AS (SELECT DISTINCT ON (camera_id) camera_id, end_time, reason
                           FROM gap WHERE start_time > ? AND end_time > ?
                           ORDER BY camera_id, end_time DESC)
                SELECT coalesce(s.camera_id, g.camera_id) AS camera_id, s.end_time, s.duration_ms, s.codec, s.width,
                       s.height, g.end_time AS gap_end, g.reason
                FROM s FULL JOIN g ON s.camera_id = g.camera_id""")
                .params(Timestamp.from(since.minus(java.time.Duration.ofHours(1))), from,
                        Timestamp.from(since.minus(java.time.Duration.ofDays(1))), from)
                .query((rs, n) -> new ae.rta.cctv.storage.domain.RecordingActivity(
                        new CameraId(rs.getObject("camera_id", UUID.class)),
                        rs.getTimestamp("end_time") == null ? null : rs.getTimestamp("end_time").toInstant(),
                        rs.getObject("duration_ms") == null ? null : java.time.Duration.ofMillis(rs.getInt("duration_ms")),
                        rs.getString("codec"), rs.getInt("width"), rs.getInt("height"),
                        rs.getTimestamp("gap_end") == null ? null : rs.getTimestamp("gap_end").toInstant(),
                        rs.getString("reason")))
                .list();
    }

    private static IndexedSegment row(ResultSet rs) throws SQLException {
        return new IndexedSegment(rs.getLong("id"), new CameraId(rs.getObject("camera_id", UUID.class)),
                rs.getTimestamp("start_time").toInstant(), rs.getTimestamp("end_time").toInstant(), rs.getLong("bytes"),
                rs.getString("sha256"), rs.getString("codec"), rs.getInt("width"), rs.getInt("height"),
                rs.getInt("init_size"), rs.getString("store"), rs.getString("object_key"), rs.getString("recorder"),
                rs.getLong("fencing_token"), rs.getBoolean("imported"), decodeSpan(rs));
    }

    private static ae.rta.cctv.common.domain.DecodeSpan decodeSpan(ResultSet rs) throws SQLException {
        long timescale = rs.getLong("decode_timescale");
        return rs.wasNull() || timescale <= 0 ? null
                : new ae.rta.cctv.common.domain.DecodeSpan(timescale, rs.getLong("decode_first"), rs.getLong("decode_end"));
    }
}
