package ae.rta.cctv.streamcounter.adapter.out.jdbc;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.streamcounter.application.port.out.QuotaHistory;
import ae.rta.cctv.streamcounter.domain.QuotaSample;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcQuotaHistory implements QuotaHistory {

    private final JdbcClient jdbc;

    JdbcQuotaHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(List<QuotaSample> samples) {
        for (QuotaSample s : samples) {
            jdbc.sql("""
                    INSERT INTO quota_sample (minute, agency, active, max_streams) VALUES (?, ?, ?, ?)
                    ON CONFLICT (minute, agency) DO UPDATE SET active = GREATEST(quota_sample.active, EXCLUDED.active),
                                                               max_streams = EXCLUDED.max_streams""")
                    .params(Timestamp.from(s.minute()), s.agency().value(), s.active(), s.limit())
                    .update();
        }
    }

    @Override
    public List<QuotaSample> between(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT minute, agency, active, max_streams FROM quota_sample
                WHERE minute >= ? AND minute < ? ORDER BY minute, agency""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new QuotaSample(rs.getTimestamp(1).toInstant(), new AgencyCode(rs.getString(2)),
                        rs.getInt(3), rs.getInt(4)))
                .list();
    }

    @Override
    public int deleteBefore(Instant before) {
        return jdbc.sql("DELETE FROM quota_sample WHERE minute < ?").params(Timestamp.from(before)).update();
    }
}
