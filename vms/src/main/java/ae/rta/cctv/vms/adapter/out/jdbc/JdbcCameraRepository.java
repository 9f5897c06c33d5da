package ae.rta.cctv.vms.adapter.out.jdbc;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.SecretBox;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraEventKind;
import ae.rta.cctv.vms.domain.CameraHealth;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.CameraStatus;
import ae.rta.cctv.vms.domain.Credentials;
import ae.rta.cctv.vms.domain.DeviceEvent;
import ae.rta.cctv.vms.domain.SourceType;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcCameraRepository implements CameraRepository {

    private static final String COLUMNS = "id, name, name_ar, agency, source_type, ptz, status, main_url, sub_url,"
            + " username, sealed_password, status_reason, last_seen, status_changed_at, device_address,"
            + " upstream_server, upstream_id";

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    JdbcCameraRepository(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public boolean addAgencyIfAbsent(AgencyCode code, String name, String nameAr) {
        return jdbc.sql("INSERT INTO agency (code, name, name_ar) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")
                .params(code.value(), name, nameAr)
                .update() == 1;
    }

    @Override
    public void addIfAbsent(Camera camera) {
        String mainUrl = null;
        String subUrl = null;
        String username = null;
        String sealed = null;
        String device = null;
        String upstreamServer = null;
        String upstreamId = null;
        if (camera.source() instanceof CameraSource.Milestone milestone) {
            upstreamServer = milestone.server();
            upstreamId = milestone.cameraGuid();
        }
        if (camera.source() instanceof CameraSource.Onvif onvif) {
            device = onvif.deviceService().toString();
            username = onvif.credentials().username();
            sealed = secrets.seal(onvif.credentials().password());
        }
        if (camera.source() instanceof CameraSource.Rtsp rtsp) {
            mainUrl = rtsp.main().toString();
            subUrl = rtsp.sub() == null ? null : rtsp.sub().toString();
            if (rtsp.credentials() != null) {
                username = rtsp.credentials().username();
                sealed = secrets.seal(rtsp.credentials().password());
            }
        }
        jdbc.sql("""
                INSERT INTO camera (id, name, name_ar, agency, source_type, ptz, status, main_url, sub_url, username,
                                    sealed_password, status_reason, device_address, upstream_server, upstream_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(camera.id().value(), camera.name(), camera.nameAr(), camera.agency().value(),
                        camera.source().type().name(), camera.ptz(), camera.status().name(), mainUrl, subUrl, username,
                        sealed, camera.health().reason(), device, upstreamServer, upstreamId)
                .update();
    }

    @Override
    public List<AgencyCode> findAgencyCodes() {
        return jdbc.sql("SELECT code FROM agency ORDER BY code").query((rs, n) -> new AgencyCode(rs.getString(1))).list();
    }

    @Override
    public List<Camera> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM camera ORDER BY agency, name").query((rs, n) -> camera(rs)).list();
    }

    @Override
    public Optional<Camera> findById(CameraId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM camera WHERE id = ?").param(id.value()).query((rs, n) -> camera(rs))
                .optional();
    }

    @Override
    public Optional<String> transport(CameraId id) {
        return jdbc.sql("SELECT transport FROM camera WHERE id = ?").param(id.value()).query(String.class).optional();
    }

    @Override
    public void setTransport(CameraId id, String transport) {
        jdbc.sql("UPDATE camera SET transport = ? WHERE id = ?").params(transport, id.value()).update();
    }

    @Override
    public Map<CameraId, String> audioApprovals() {
        Map<CameraId, String> approvals = new HashMap<>();
        jdbc.sql("SELECT id, audio_approval FROM camera WHERE audio_approval IS NOT NULL")
                .query(rs -> {
                    approvals.put(new CameraId(rs.getObject("id", UUID.class)), rs.getString("audio_approval"));
                });
        return approvals;
    }

    @Override
    public void setAudio(CameraId id, String approval, Instant at) {
        jdbc.sql("UPDATE camera SET audio_approval = ?, audio_changed_at = ? WHERE id = ?")
                .params(approval, timestamp(at), id.value()).update();
    }

    @Override
    public boolean delete(CameraId id) {
        return jdbc.sql("DELETE FROM camera WHERE id = ?").param(id.value()).update() == 1;
    }

    @Override
    @Transactional
    public void saveHealth(Camera camera, boolean statusChanged) {
        CameraHealth h = camera.health();
        jdbc.sql("UPDATE camera SET status = ?, status_reason = ?, last_seen = ?, status_changed_at = ? WHERE id = ?")
                .params(h.status().name(), h.reason(), timestamp(h.lastSeen()), timestamp(h.changedAt()), camera.id().value())
                .update();
        if (statusChanged) {
            jdbc.sql("INSERT INTO camera_status_event (camera_id, agency, status, reason, at) VALUES (?, ?, ?, ?, ?)")
                    .params(camera.id().value(), camera.agency().value(), h.status().name(), h.reason(),
                            timestamp(h.changedAt()))
                    .update();
        }
    }

    @Override
    public void updateUpstream(CameraId id, String name, boolean ptz, boolean removed) {
        jdbc.sql("UPDATE camera SET name = ?, ptz = ?, upstream_removed = ? WHERE id = ?")
                .params(name, ptz, removed, id.value())
                .update();
    }

    @Override
    public boolean upstreamRemoved(CameraId id) {
        return jdbc.sql("SELECT upstream_removed FROM camera WHERE id = ?").param(id.value()).query(Boolean.class)
                .optional().orElse(false);
    }

    @Override
    public void saveSyncReport(SyncReport report) {
        jdbc.sql("""
                INSERT INTO milestone_sync_report (server, started_at, finished_at, seen, added, updated, removed, unchanged, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(report.server(), Timestamp.from(report.startedAt()), Timestamp.from(report.finishedAt()),
                        report.seen(), report.added(), report.updated(), report.removed(), report.unchanged(), report.error())
                .update();
    }

    @Override
    public List<SyncReport> syncReports(int limit) {
        return jdbc.sql("SELECT * FROM milestone_sync_report ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new SyncReport(rs.getString("server"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at").toInstant(), rs.getInt("seen"), rs.getInt("added"),
                        rs.getInt("updated"), rs.getInt("removed"), rs.getInt("unchanged"), rs.getString("error")))
                .list();
    }

    @Override
    public List<CameraEvent> events(EventQuery q) {
        StringBuilder sql = new StringBuilder("SELECT id, camera_id, agency, kind, status, active, reason, at"
                + " FROM camera_status_event WHERE id > ?");
        List<Object> params = new ArrayList<>(List.of(q.afterId()));
        if (q.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(q.kind().name());
        }
        if (q.camera() != null) {
            sql.append(" AND camera_id = ?");
            params.add(q.camera().value());
        }
        if (q.from() != null) {
            sql.append(" AND at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND at < ?");
            params.add(Timestamp.from(q.to()));
        }
        params.add(q.limit());
        return jdbc.sql(sql.append(" ORDER BY id LIMIT ?").toString()).params(params)
                .query((rs, n) -> new CameraEvent(rs.getLong("id"), new CameraId(rs.getObject("camera_id", UUID.class)),
                        new AgencyCode(rs.getString("agency")), CameraEventKind.valueOf(rs.getString("kind")),
                        rs.getString("status"), (Boolean) rs.getObject("active"), rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    @Override
    public void addDeviceEvent(Camera camera, DeviceEvent event) {
        jdbc.sql("INSERT INTO camera_status_event (camera_id, agency, kind, active, reason, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(camera.id().value(), camera.agency().value(), event.kind().name(), event.active(), event.detail(),
                        Timestamp.from(event.at()))
                .update();
    }

    @Override
    public void saveEventsState(CameraId id, String state) {
        jdbc.sql("UPDATE camera SET events_state = ? WHERE id = ?").params(state, id.value()).update();
    }

    @Override
    public Map<CameraId, String> eventsStates() {
        Map<CameraId, String> states = new HashMap<>();
        jdbc.sql("SELECT id, events_state FROM camera WHERE events_state IS NOT NULL")
                .query(rs -> {
                    states.put(new CameraId(rs.getObject("id", UUID.class)), rs.getString("events_state"));
                });
        return states;
    }

    private Camera camera(ResultSet rs) throws SQLException {
        SourceType type = SourceType.valueOf(rs.getString("source_type"));
        CameraSource source = switch (type) {
            case RTSP -> new CameraSource.Rtsp(URI.create(rs.getString("main_url")),
                    rs.getString("sub_url") == null ? null : URI.create(rs.getString("sub_url")),
                    rs.getString("username") == null ? null
                            : new Credentials(rs.getString("username"), secrets.open(rs.getString("sealed_password"))));
            case SIMULATOR -> new CameraSource.Simulator();
            case ONVIF -> new CameraSource.Onvif(URI.create(rs.getString("device_address")),
                    new Credentials(rs.getString("username"), secrets.open(rs.getString("sealed_password"))));
            case MILESTONE -> new CameraSource.Milestone(rs.getString("upstream_server"), rs.getString("upstream_id"));
        };
        CameraHealth health = new CameraHealth(CameraStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                instant(rs.getTimestamp("last_seen")), instant(rs.getTimestamp("status_changed_at")));
        return new Camera(new CameraId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("name_ar"),
                new AgencyCode(rs.getString("agency")), source, rs.getBoolean("ptz"), health);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
