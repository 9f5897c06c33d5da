package ae.rta.cctv.metadata.adapter.out.jdbc;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.domain.Bookmark;
import ae.rta.cctv.metadata.domain.CameraName;
import ae.rta.cctv.metadata.domain.Comment;
import ae.rta.cctv.metadata.domain.DocumentType;
import ae.rta.cctv.metadata.domain.Incident;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the rows of {@code search_document}, always inside the transaction of the change they mirror, so search never
 * sees an incident, comment, bookmark or camera name that is not (or no longer) there.
 *
 * <p>Invariant the search relies on: a document with a time has {@code recency = happened_start} and
 * {@code happened_end - happened_start <= Texts.MAX_SPAN}; a camera has no time and its recency is when it was synced.
 */
final class SearchDocuments {

    private static final String UPSERT = """
            INSERT INTO search_document (doc_type, id, incident_id, agency, camera_ids, status, tags, happened_start,
                                         happened_end, recency, label, title, body, keywords)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (doc_type, id) DO UPDATE SET incident_id = EXCLUDED.incident_id, agency = EXCLUDED.agency,
                camera_ids = EXCLUDED.camera_ids, status = EXCLUDED.status, tags = EXCLUDED.tags,
                happened_start = EXCLUDED.happened_start, happened_end = EXCLUDED.happened_end, recency = EXCLUDED.recency,
                label = EXCLUDED.label, title = EXCLUDED.title, body = EXCLUDED.body, keywords = EXCLUDED.keywords""";
    private static final int LABEL_LENGTH = 120;

    private final JdbcClient jdbc;

    SearchDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An incident's document, and the copies of its status, tags, cameras and title on its comments' documents. */
    void incident(Incident i, List<CameraId> cameras) {
        Instant start = i.span() == null ? i.createdAt() : i.span().start();
        Instant end = i.span() == null ? i.createdAt() : i.span().end();
        UUID[] cameraIds = ids(cameras);
        String[] tags = i.tags().toArray(String[]::new);
        upsert(DocumentType.INCIDENT, i.id(), null, i.agency().value(), cameraIds, i.status().name(), tags, start, end,
                start, i.title(), i.title(), i.description(), String.join(" ", i.tags()));
        jdbc.sql("""
                UPDATE search_document SET agency = ?, camera_ids = ?, status = ?, tags = ?, label = ?
                WHERE doc_type = 'comment' AND incident_id = ?""")
                .params(i.agency().value(), cameraIds, i.status().name(), tags, i.title(), i.id()).update();
    }

    void comment(Comment c, Incident i, List<CameraId> cameras) {
        upsert(DocumentType.COMMENT, c.id(), i.id(), i.agency().value(), ids(cameras), i.status().name(),
                i.tags().toArray(String[]::new), c.time(), c.time(), c.time(), i.title(), "", c.text(), "");
    }

    void bookmark(Bookmark b) {
        Instant end = b.end() == null ? b.time() : b.end();
        upsert(DocumentType.BOOKMARK, b.id(), null, b.agency().value(), new UUID[] {b.camera().value()}, null,
                b.tags().toArray(String[]::new), b.time(), end, b.time(), label(b.note()), "", b.note(), String.join(" ", b.tags()));
    }

    void camera(CameraName c, Instant now) {
        String title = c.nameAr() == null ? c.name() : c.name() + " · " + c.nameAr();
        upsert(DocumentType.CAMERA, c.id().value(), null, c.agency().value(), new UUID[] {c.id().value()}, null, new String[0],
                null, null, now, c.name(), title, "", "");
    }

    void delete(DocumentType type, UUID id) {
        jdbc.sql("DELETE FROM search_document WHERE doc_type = ? AND id = ?").params(type.wireName(), id).update();
    }

    private void upsert(DocumentType type, UUID id, UUID incident, String agency, UUID[] cameras, String status, String[] tags,
            Instant start, Instant end, Instant recency, String label, String title, String body, String keywords) {
        jdbc.sql(UPSERT).params(type.wireName(), id, incident, agency, cameras, status, tags, timestamp(start), timestamp(end),
                timestamp(recency), label, title, body, keywords).update();
    }

    /** A bookmark shows the first line of its note as its title. */
    private static String label(String note) {
        String first = note.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("Bookmark");
        return first.length() > LABEL_LENGTH ? first.substring(0, LABEL_LENGTH - 1) + "…" : first;
    }

    static UUID[] ids(List<CameraId> cameras) {
        return cameras.stream().map(CameraId::value).distinct().toArray(UUID[]::new);
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
