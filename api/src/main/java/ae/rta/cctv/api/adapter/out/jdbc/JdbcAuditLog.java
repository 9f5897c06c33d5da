package ae.rta.cctv.api.adapter.out.jdbc;

import ae.rta.cctv.api.application.port.out.AuditLog;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditChain;
import ae.rta.cctv.api.domain.AuditEvent;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.ChainedAuditEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcAuditLog implements AuditLog {

    private static final String COLUMNS = "id, chain, seq, time, actor, actor_agency, action, target, outcome, source_ip,"
            + " request_id, detail, prev_hash, hash";

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /*
     * Concurrency: writers of one day's chain serialise on a transaction-scoped advisory lock keyed by the day, so
     * every instance of the api service appends to the same chain without forking it. The lock is held for one
     * SELECT and one INSERT.
     */
    @Override
    @Transactional
    public ChainedAuditEvent append(AuditEvent event) {
        LocalDate chain = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cctv-audit'), ?)").param((int) chain.toEpochDay())
                .query(Object.class).single();
        record Last(long seq, String hash) {
        }
        Last last = jdbc.sql("SELECT seq, hash FROM audit_event WHERE chain = ? ORDER BY seq DESC LIMIT 1")
                .param(chain)
                .query((rs, n) -> new Last(rs.getLong("seq"), rs.getString("hash")))
                .optional()
                .orElse(new Last(0, AuditChain.GENESIS));
        long seq = last.seq() + 1;
        String hash = AuditChain.hash(chain, seq, event, last.hash());
        long id = jdbc.sql("""
                INSERT INTO audit_event (chain, seq, time, actor, actor_agency, action, target, outcome, source_ip,
                                         request_id, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(chain, seq, Timestamp.from(event.time()), event.actor(), event.actorAgency(),
                        event.action().name(), event.target(), event.outcome().name(), event.sourceIp(),
                        event.requestId(), event.detail(), last.hash(), hash)
                .query(Long.class)
                .single();
        return new ChainedAuditEvent(id, chain, seq, event, last.hash(), hash);
    }

    @Override
    public List<ChainedAuditEvent> find(Query query, int offset, int limit) {
        Where where = where(query);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where.sql() + " ORDER BY time DESC, id DESC OFFSET ? LIMIT ?")
                .params(where.withPaging(offset, limit))
                .query((rs, n) -> row(rs))
                .list();
    }

    @Override
    public long count(Query query) {
        Where where = where(query);
        return jdbc.sql("SELECT count(*) FROM audit_event" + where.sql()).params(where.params()).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachInChainOrder(LocalDate fromDay, LocalDate toDay, ChainSink sink) {
        // A read-only transaction lets the driver stream with a cursor (fetch size) instead of loading every row.
        jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE chain BETWEEN ? AND ? ORDER BY chain, seq")
                .params(fromDay, toDay)
                .withFetchSize(1000)
                .query(rs -> {
                    ChainedAuditEvent row;
                    try {
                        row = row(rs);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        sink.unreadable(rs.getLong("id"), rs.getObject("chain", LocalDate.class), rs.getLong("seq"),
                                "a field holds a value the trail never writes: the row was changed");
                        return;
                    }
                    sink.row(row);
                });
    }

    private record Where(String sql, List<Object> params) {
        Object[] withPaging(int offset, int limit) {
            List<Object> all = new ArrayList<>(params);
            all.add(offset);
            all.add(limit);
            return all.toArray();
        }
    }

    private static Where where(Query q) {
        List<String> terms = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.actor() != null) {
            terms.add("actor = ?");
            params.add(q.actor());
        }
        if (q.action() != null) {
            terms.add("action = ?");
            params.add(q.action().name());
        }
        if (q.outcome() != null) {
            terms.add("outcome = ?");
            params.add(q.outcome().name());
        }
        if (q.target() != null) {
            terms.add("target = ?");
            params.add(q.target());
        }
        if (q.from() != null) {
            terms.add("time >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            terms.add("time < ?");
            params.add(Timestamp.from(q.to()));
        }
        if (q.agencies() != null) {
            terms.add("actor_agency = ANY (?)");
            params.add(q.agencies().toArray(String[]::new));
        }
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
    }

    private static ChainedAuditEvent row(ResultSet rs) throws SQLException {
        AuditEvent event = new AuditEvent(rs.getTimestamp("time").toInstant(), rs.getString("actor"),
                rs.getString("actor_agency"), AuditAction.valueOf(rs.getString("action")), rs.getString("target"),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("source_ip"), rs.getString("request_id"),
                rs.getString("detail"));
        return new ChainedAuditEvent(rs.getLong("id"), rs.getObject("chain", LocalDate.class), rs.getLong("seq"), event,
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
