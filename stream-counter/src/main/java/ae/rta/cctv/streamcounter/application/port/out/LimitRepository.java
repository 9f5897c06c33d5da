package ae.rta.cctv.streamcounter.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.streamcounter.domain.QuotaSettings;
import java.time.Instant;
import java.util.Map;

/** Where live-stream limits are kept durably. */
public interface LimitRepository {

    /** Every agency with a limit of its own. */
    Map<AgencyCode, Integer> agencyLimits();

    /** Stores {@code agency}'s limit, replacing any earlier one. */
    void setAgencyLimit(AgencyCode agency, int limit, String by, Instant at);

    /** Stores the agency's limit only when it has none (demo seeding). */
    void addAgencyLimitIfAbsent(AgencyCode agency, int limit, String by, Instant at);

    QuotaSettings settings();

    void setSettings(QuotaSettings settings, String by, Instant at);
}
