package ae.rta.cctv.streamcounter.adapter.out.jdbc;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.streamcounter.application.port.out.LimitRepository;
import ae.rta.cctv.streamcounter.domain.QuotaSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLimitRepository implements LimitRepository {

    private final JdbcClient jdbc;

    JdbcLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<AgencyCode, Integer> agencyLimits() {
        Map<AgencyCode, Integer> limits = new LinkedHashMap<>();
        jdbc.sql("SELECT agency, max_streams FROM agency_limit ORDER BY agency")
                .query(rs -> {
                    limits.put(new AgencyCode(rs.getString(1)), rs.getInt(2));
                });
        return limits;
    }

    @Override
    public void setAgencyLimit(AgencyCode agency, int limit, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO agency_limit (agency, max_streams, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (agency) DO UPDATE SET max_streams = EXCLUDED.max_streams, updated_at = EXCLUDED.updated_at,
                                                   updated_by = EXCLUDED.updated_by""")
                .params(agency.value(), limit, Timestamp.from(at), by)
                .update();
    }

    @Override
    public void addAgencyLimitIfAbsent(AgencyCode agency, int limit, String by, Instant at) {
        jdbc.sql("INSERT INTO agency_limit (agency, max_streams, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(agency.value(), limit, Timestamp.from(at), by)
                .update();
    }

    @Override
    public QuotaSettings settings() {
        return jdbc.sql("SELECT camera_limit, global_limit FROM quota_settings")
                .query((rs, n) -> {
                    int global = rs.getInt("global_limit");
                    OptionalInt globalLimit = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(global);
                    return new QuotaSettings(rs.getInt("camera_limit"), globalLimit);
                })
                .single();
    }

    @Override
    public void setSettings(QuotaSettings settings, String by, Instant at) {
        jdbc.sql("UPDATE quota_settings SET camera_limit = ?, global_limit = ?, updated_at = ?, updated_by = ?")
                .params(settings.cameraLimit(), settings.globalLimit().isPresent() ? settings.globalLimit().getAsInt() : null,
                        Timestamp.from(at), by)
                .update();
    }
}
