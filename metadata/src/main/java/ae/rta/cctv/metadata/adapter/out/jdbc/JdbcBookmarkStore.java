package ae.rta.cctv.metadata.adapter.out.jdbc;

import static ae.rta.cctv.metadata.adapter.out.jdbc.SearchDocuments.timestamp;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.application.port.out.BookmarkStore;
import ae.rta.cctv.metadata.application.port.out.IncidentStore;
import ae.rta.cctv.metadata.domain.Bookmark;
import ae.rta.cctv.metadata.domain.DocumentType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcBookmarkStore implements BookmarkStore {

    private static final String COLUMNS = "id, agency, camera_id, at_time, end_time, note, tags, created_by, created_at, updated_at";
    private static final String IN_SCOPE = " AND (CAST(? AS text) IS NULL OR agency = ?)";

    private final JdbcClient jdbc;
    private final SearchDocuments documents;

    JdbcBookmarkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.documents = new SearchDocuments(jdbc);
    }

    @Override
    @Transactional
    public void create(Bookmark b) {
        jdbc.sql("INSERT INTO bookmark (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(b.id(), b.agency().value(), b.camera().value(), timestamp(b.time()), timestamp(b.end()), b.note(),
                        b.tags().toArray(String[]::new), b.createdBy(), timestamp(b.createdAt()), timestamp(b.updatedAt()))
                .update();
        documents.bookmark(b);
    }

    @Override
    public Optional<Bookmark> find(UUID id, AgencyCode scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookmark WHERE id = ?" + IN_SCOPE).params(id, code(scope), code(scope))
                .query((rs, n) -> bookmark(rs)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public IncidentStore.Page<Bookmark> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.agency() != null) {
            where.append(" AND agency = ?");
            params.add(filter.agency().value());
        }
        if (filter.camera() != null) {
            where.append(" AND camera_id = ?");
            params.add(filter.camera().value());
        }
        if (filter.to() != null) {
            where.append(" AND at_time < ?");
            params.add(timestamp(filter.to()));
        }
        if (filter.from() != null) {
            // a range reaches from when it ends after it; a moment, when it is at or after it
            where.append(" AND coalesce(end_time > ?, at_time >= ?)");
            params.add(timestamp(filter.from()));
            params.add(timestamp(filter.from()));
        }
        if (filter.tag() != null) {
            where.append(" AND tags @> ARRAY[?]::text[]");
            params.add(filter.tag());
        }
        long total = jdbc.sql("SELECT count(*) FROM bookmark" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Bookmark> items = jdbc.sql("SELECT " + COLUMNS + " FROM bookmark" + where + " ORDER BY at_time, created_at, id LIMIT ? OFFSET ?")
                .params(pageParams).query((rs, n) -> bookmark(rs)).list();
        return new IncidentStore.Page<>(items, total);
    }

    @Override
    @Transactional
    public Optional<Bookmark> change(UUID id, AgencyCode scope, UnaryOperator<Bookmark> edit) {
        Optional<Bookmark> locked = jdbc.sql("SELECT " + COLUMNS + " FROM bookmark WHERE id = ?" + IN_SCOPE + " FOR UPDATE")
                .params(id, code(scope), code(scope)).query((rs, n) -> bookmark(rs)).optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Bookmark b = edit.apply(locked.get());
        jdbc.sql("UPDATE bookmark SET at_time = ?, end_time = ?, note = ?, tags = ?, updated_at = ? WHERE id = ?")
                .params(timestamp(b.time()), timestamp(b.end()), b.note(), b.tags().toArray(String[]::new),
                        timestamp(b.updatedAt()), id)
                .update();
        documents.bookmark(b);
        return Optional.of(b);
    }

    @Override
    @Transactional
    public boolean delete(UUID id, AgencyCode scope) {
        boolean deleted = jdbc.sql("DELETE FROM bookmark WHERE id = ?" + IN_SCOPE).params(id, code(scope), code(scope)).update() == 1;
        if (deleted) {
            documents.delete(DocumentType.BOOKMARK, id);
        }
        return deleted;
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM bookmark").query(Long.class).single();
    }

    private static String code(AgencyCode scope) {
        return scope == null ? null : scope.value();
    }

    private static Bookmark bookmark(ResultSet rs) throws SQLException {
        Timestamp end = rs.getTimestamp("end_time");
        return new Bookmark(rs.getObject("id", UUID.class), new AgencyCode(rs.getString("agency")),
                new CameraId(rs.getObject("camera_id", UUID.class)), rs.getTimestamp("at_time").toInstant(),
                end == null ? null : end.toInstant(), rs.getString("note"), JdbcIncidentStore.strings(rs.getArray("tags")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
