package ae.rta.cctv.metadata.adapter.out.jdbc;

import static ae.rta.cctv.metadata.adapter.out.jdbc.SearchDocuments.timestamp;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import ae.rta.cctv.metadata.application.port.out.IncidentStore;
import ae.rta.cctv.metadata.domain.Comment;
import ae.rta.cctv.metadata.domain.Footage;
import ae.rta.cctv.metadata.domain.HistoryEntry;
import ae.rta.cctv.metadata.domain.Incident;
import ae.rta.cctv.metadata.domain.IncidentStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcIncidentStore implements IncidentStore {

    private static final String INCIDENT_COLUMNS = "i.id, i.agency, i.title, i.description, i.status, i.assignee, i.tags,"
            + " i.start_time, i.end_time, i.created_by, i.created_at, i.updated_at";
    private static final String FOOTAGE = """
            SELECT f.id, f.incident_id, f.camera_id, f.start_time, f.end_time, f.linked_by, f.linked_at,
                   EXISTS (SELECT 1 FROM footage_hold h WHERE h.footage_id = f.id AND h.release_due_at IS NULL) AS held
            FROM incident_footage f WHERE f.unlinked_at IS NULL""";

    private final JdbcClient jdbc;
    private final SearchDocuments documents;

    JdbcIncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.documents = new SearchDocuments(jdbc);
    }

    @Override
    @Transactional
    public void create(Incident incident, List<Footage> footage, Map<UUID, UUID> holds, HistoryEntry created) {
        jdbc.sql("""
                INSERT INTO incident (id, agency, title, description, status, assignee, tags, start_time, end_time,
                                      created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(incident.id(), incident.agency().value(), incident.title(), incident.description(),
                        incident.status().name(), incident.assignee(), incident.tags().toArray(String[]::new),
                        timestamp(incident.span() == null ? null : incident.span().start()),
                        timestamp(incident.span() == null ? null : incident.span().end()), incident.createdBy(),
                        timestamp(incident.createdAt()), timestamp(incident.updatedAt()))
                .update();
        insertFootage(incident.id(), footage);
        insertHolds(holds, created.time());
        insertHistory(incident.id(), List.of(created));
        documents.incident(incident, footage.stream().map(Footage::camera).toList());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentDetail> find(UUID id, AgencyCode scope) {
        return incident(id, scope, false).map(incident -> new IncidentDetail(incident, footage(List.of(id)).getOrDefault(id, List.of()),
                jdbc.sql("SELECT id, incident_id, author, body, created_at FROM incident_comment WHERE incident_id = ? ORDER BY created_at, id")
                        .param(id)
                        .query((rs, n) -> new Comment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getTimestamp(5).toInstant()))
                        .list(),
                jdbc.sql("SELECT at, actor, change, old_value, new_value FROM incident_history WHERE incident_id = ? ORDER BY id")
                        .param(id)
                        .query((rs, n) -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                                HistoryEntry.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
                        .list()));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LinkedIncident> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.agency() != null) {
            where.append(" AND i.agency = ?");
            params.add(filter.agency().value());
        }
        if (filter.status() != null) {
            where.append(" AND i.status = ?");
            params.add(filter.status().name());
        }
        if (filter.tag() != null) {
            where.append(" AND i.tags @> ARRAY[?]::text[]");
            params.add(filter.tag());
        }
        if (filter.assignee() != null) {
            where.append(" AND i.assignee = ?");
            params.add(filter.assignee());
        }
        if (filter.camera() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM incident_footage f WHERE f.incident_id = i.id AND f.camera_id = ?"
                    + " AND f.unlinked_at IS NULL)");
            params.add(filter.camera().value());
        }
        long total = jdbc.sql("SELECT count(*) FROM incident i" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Incident> incidents = jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incident i" + where
                        + " ORDER BY i.created_at DESC, i.id LIMIT ? OFFSET ?")
                .params(pageParams).query((rs, n) -> incident(rs)).list();
        Map<UUID, List<Footage>> footage = footage(incidents.stream().map(Incident::id).toList());
        return new Page<>(incidents.stream().map(i -> new LinkedIncident(i, footage.getOrDefault(i.id(), List.of()))).toList(),
                total);
    }

    @Override
    @Transactional
    public Optional<LinkedIncident> change(UUID id, AgencyCode scope, Function<LinkedIncident, Change> change) {
        Optional<Incident> locked = incident(id, scope, true);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Change c = change.apply(new LinkedIncident(locked.get(), footage(List.of(id)).getOrDefault(id, List.of())));
        Incident i = c.incident();
        jdbc.sql("""
                UPDATE incident SET title = ?, description = ?, status = ?, assignee = ?, tags = ?, updated_at = ?
                WHERE id = ?""")
                .params(i.title(), i.description(), i.status().name(), i.assignee(), i.tags().toArray(String[]::new),
                        timestamp(c.at()), id)
                .update();
        insertFootage(id, c.linked());
        insertHolds(c.holdsPlaced(), c.at());
        if (!c.unlinked().isEmpty()) {
            UUID[] unlinked = c.unlinked().toArray(UUID[]::new);
            jdbc.sql("UPDATE incident_footage SET unlinked_at = ? WHERE incident_id = ? AND id = ANY(?) AND unlinked_at IS NULL")
                    .params(timestamp(c.at()), id, unlinked).update();
            jdbc.sql("UPDATE footage_hold SET release_due_at = ? WHERE footage_id = ANY(?) AND release_due_at IS NULL")
                    .params(timestamp(c.at()), unlinked).update();
        }
        if (c.releaseAllHolds()) {
            jdbc.sql("""
                    UPDATE footage_hold SET release_due_at = ?
                    WHERE release_due_at IS NULL AND footage_id IN (SELECT id FROM incident_footage WHERE incident_id = ?)""")
                    .params(timestamp(c.at()), id).update();
        }
        insertHistory(id, c.history());
        List<Footage> footage = footage(List.of(id)).getOrDefault(id, List.of());
        List<CameraId> cameras = footage.stream().map(Footage::camera).toList();
        if (c.comment() != null) {
            Comment comment = c.comment();
            jdbc.sql("INSERT INTO incident_comment (id, incident_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(comment.id(), id, comment.author(), comment.text(), timestamp(comment.time())).update();
            documents.comment(comment, i, cameras);
        }
        documents.incident(i, cameras);
        return Optional.of(new LinkedIncident(i, footage));
    }

    @Override
    public List<DueRelease> dueReleases(UUID incident, int limit) {
        return jdbc.sql("""
                SELECT h.hold_id, f.incident_id FROM footage_hold h JOIN incident_footage f ON f.id = h.footage_id
                WHERE h.release_due_at IS NOT NULL AND h.released_at IS NULL AND (CAST(? AS uuid) IS NULL OR f.incident_id = ?)
                ORDER BY h.release_due_at LIMIT ?""")
                .params(incident, incident, limit)
                .query((rs, n) -> new DueRelease(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    @Override
    public void released(UUID hold, Instant at) {
        jdbc.sql("UPDATE footage_hold SET released_at = ? WHERE hold_id = ? AND released_at IS NULL")
                .params(timestamp(at), hold).update();
    }

    @Override
    public long dueReleaseCount() {
        return jdbc.sql("SELECT count(*) FROM footage_hold WHERE release_due_at IS NOT NULL AND released_at IS NULL")
                .query(Long.class).single();
    }

    private Optional<Incident> incident(UUID id, AgencyCode scope, boolean lock) {
        return jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incident i WHERE i.id = ? AND (CAST(? AS text) IS NULL OR i.agency = ?)"
                        + (lock ? " FOR UPDATE" : ""))
                .params(id, scope == null ? null : scope.value(), scope == null ? null : scope.value())
                .query((rs, n) -> incident(rs)).optional();
    }

    private Map<UUID, List<Footage>> footage(List<UUID> incidents) {
        if (incidents.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(FOOTAGE + " AND f.incident_id = ANY(?) ORDER BY f.linked_at, f.id")
                .param(incidents.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(2, UUID.class), new Footage(rs.getObject(1, UUID.class),
                        new CameraId(rs.getObject(3, UUID.class)), range(rs.getTimestamp(4), rs.getTimestamp(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getBoolean(8))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private void insertFootage(UUID incident, List<Footage> footage) {
        for (Footage f : footage) {
            jdbc.sql("""
                    INSERT INTO incident_footage (id, incident_id, camera_id, start_time, end_time, linked_by, linked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(f.id(), incident, f.camera().value(), timestamp(f.range() == null ? null : f.range().start()),
                            timestamp(f.range() == null ? null : f.range().end()), f.linkedBy(), timestamp(f.linkedAt()))
                    .update();
        }
    }

    private void insertHolds(Map<UUID, UUID> holdsByFootage, Instant at) {
        holdsByFootage.forEach((footage, hold) -> jdbc.sql(
                        "INSERT INTO footage_hold (hold_id, footage_id, placed_at) VALUES (?, ?, ?)")
                .params(hold, footage, timestamp(at)).update());
    }

    private void insertHistory(UUID incident, List<HistoryEntry> history) {
        for (HistoryEntry h : history) {
            jdbc.sql("INSERT INTO incident_history (incident_id, at, actor, change, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(incident, timestamp(h.time()), h.actor(), h.change().name(), h.from(), h.to()).update();
        }
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getObject("id", UUID.class), new AgencyCode(rs.getString("agency")), rs.getString("title"),
                rs.getString("description"), IncidentStatus.valueOf(rs.getString("status")), rs.getString("assignee"),
                strings(rs.getArray("tags")), range(rs.getTimestamp("start_time"), rs.getTimestamp("end_time")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static TimeRange range(Timestamp start, Timestamp end) {
        return start == null ? null : new TimeRange(start.toInstant(), end.toInstant());
    }
}
