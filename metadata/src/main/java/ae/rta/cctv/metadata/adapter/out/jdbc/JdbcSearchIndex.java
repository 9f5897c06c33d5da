package ae.rta.cctv.metadata.adapter.out.jdbc;

import static ae.rta.cctv.metadata.adapter.out.jdbc.SearchDocuments.timestamp;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.application.port.out.SearchIndex;
import ae.rta.cctv.metadata.domain.DocumentType;
import ae.rta.cctv.metadata.domain.IncidentStatus;
import ae.rta.cctv.metadata.domain.SearchHit;
import ae.rta.cctv.metadata.domain.SearchQuery;
import ae.rta.cctv.metadata.domain.SearchResult;
import ae.rta.cctv.metadata.domain.Texts;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search as one SQL statement over {@code search_document}: the matches (GIN index on the document's tsvector) that
 * pass the filters, the newest {@code maxRanked} of them ranked with {@code ts_rank}, one page cut, and a highlighted
 * snippet made with {@code ts_headline} for that page only.
 */
public final class JdbcSearchIndex implements SearchIndex {

    /*
     * Cost: ranking needs every candidate's tsvector, so ranking all matches of a word that half the documents hold
     * would read half the table. Candidates are therefore the newest maxRanked matches: for a common word PostgreSQL
     * walks the recency index and stops after maxRanked matches; for a rare one it takes the few matches from the GIN
     * index. It can only choose well when it plans with the actual words (their frequencies are in the column's
     * statistics), so every search is planned for its own parameters (plan_cache_mode), in a read-only transaction
     * that also bounds its time (statement_timeout).
     */
    private static final String HEADLINE_OPTIONS =
            "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final String QUERY = "websearch_to_tsquery('english_arabic', ?)";
    private static final String ESCAPED_TEXT = "replace(replace(replace(replace(concat_ws(' — ', nullif(r.title, ''), nullif(r.body, '')),"
            + " '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '\"', '&quot;')";

    private static final String QUERY_CANCELED = "57014";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Duration timeout;

    public JdbcSearchIndex(JdbcClient jdbc, PlatformTransactionManager transactions, Duration timeout) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.timeout = timeout;
    }

    @Override
    public SearchResult search(SearchQuery q, int maxRanked) {
        StringBuilder filters = new StringBuilder();
        List<Object> params = new ArrayList<>();
        params.add(q.text());
        filters.append(" AND d.doc_type = ANY(?)");
        params.add(q.types().stream().map(DocumentType::wireName).toArray(String[]::new));
        if (q.agency() != null) {
            filters.append(" AND d.agency = ?");
            params.add(q.agency().value());
        }
        if (q.camera() != null) {
            filters.append(" AND d.camera_ids @> ARRAY[?]::uuid[]");
            params.add(q.camera().value());
        }
        if (q.status() != null) {
            filters.append(" AND d.status = ?");
            params.add(q.status().name());
        }
        if (q.tag() != null) {
            filters.append(" AND d.tags @> ARRAY[?]::text[]");
            params.add(q.tag());
        }
        // recency equals happened_start and nothing spans more than MAX_SPAN (SearchDocuments): the recency bounds
        // add nothing to the result but let the recency index read only the window
        if (q.to() != null) {
            filters.append(" AND d.happened_start < ? AND d.recency < ?");
            params.add(timestamp(q.to()));
            params.add(timestamp(q.to()));
        }
        if (q.from() != null) {
            filters.append(" AND (d.happened_end > ? OR d.happened_end = d.happened_start AND d.happened_start >= ?)"
                    + " AND d.recency >= ?");
            params.add(timestamp(q.from()));
            params.add(timestamp(q.from()));
            params.add(timestamp(q.from().minus(Texts.MAX_SPAN)));
        }
        String sql = "WITH candidates AS ("
                + " SELECT d.doc_type, d.id, d.incident_id, d.agency, d.camera_ids, d.status, d.tags, d.happened_start,"
                + "        d.happened_end, d.recency, d.label, d.title, d.body, d.document"
                + " FROM search_document d WHERE d.document @@ " + QUERY + filters
                + " ORDER BY d.recency DESC LIMIT ?),"
                + " ranked AS ("
                + " SELECT c.*, ts_rank(c.document, " + QUERY + ", 1) AS score FROM candidates c"
                + " ORDER BY score DESC, c.recency DESC, c.id LIMIT ? OFFSET ?)"
                + " SELECT t.total, r.doc_type, r.id, r.incident_id, r.agency, r.camera_ids, r.status, r.tags, r.happened_start,"
                + "        r.happened_end, r.label, r.score,"
                + "        ts_headline('english_arabic', " + ESCAPED_TEXT + ", " + QUERY + ", '" + HEADLINE_OPTIONS + "') AS snippet"
                + " FROM (SELECT count(*) AS total FROM candidates) t LEFT JOIN ranked r ON true"
                + " ORDER BY r.score DESC, r.recency DESC, r.id";
        params.add(maxRanked + 1);
        params.add(q.text());
        params.add(q.size());
        params.add((long) q.page() * q.size());
        params.add(q.text());
        try {
            return readOnly.execute(status -> {
                jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
                jdbc.sql("SELECT set_config('statement_timeout', ?, true)").param(timeout.toMillis() + "ms").query(String.class).single();
                List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> {
                    long total = rs.getLong("total");
                    if (rs.getObject("id") == null) {
                        return new Row(total, null);
                    }
                    Timestamp start = rs.getTimestamp("happened_start");
                    Timestamp end = rs.getTimestamp("happened_end");
                    String incidentStatus = rs.getString("status");
                    SearchHit hit = new SearchHit(DocumentType.of(rs.getString("doc_type")), rs.getObject("id", UUID.class),
                            rs.getObject("incident_id", UUID.class), new AgencyCode(rs.getString("agency")), rs.getString("label"),
                            rs.getString("snippet"), rs.getDouble("score"),
                            Arrays.stream((UUID[]) rs.getArray("camera_ids").getArray()).map(CameraId::new).toList(),
                            incidentStatus == null ? null : IncidentStatus.valueOf(incidentStatus),
                            JdbcIncidentStore.strings(rs.getArray("tags")), start == null ? null : start.toInstant(),
                            end == null ? null : end.toInstant());
                    return new Row(total, hit);
                }).list();
                long total = rows.isEmpty() ? 0 : rows.getFirst().total();
                List<SearchHit> hits = rows.stream().map(Row::hit).filter(h -> h != null).toList();
                return new SearchResult(hits, Math.min(total, maxRanked), total <= maxRanked);
            });
        } catch (DataAccessException e) {
            if (e instanceof QueryTimeoutException || e.getMostSpecificCause() instanceof SQLException cause
                    && QUERY_CANCELED.equals(cause.getSQLState())) {
                throw new SearchTimeoutException(e);
            }
            throw e;
        }
    }

    private record Row(long total, SearchHit hit) {
    }
}
