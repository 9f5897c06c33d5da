package ae.rta.cctv.streamcounter.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.streamcounter.application.port.out.LimitRepository;
import ae.rta.cctv.streamcounter.application.port.out.QuotaStore;
import ae.rta.cctv.streamcounter.domain.LimitScope;
import ae.rta.cctv.streamcounter.domain.Limits;
import ae.rta.cctv.streamcounter.domain.QuotaSettings;
import ae.rta.cctv.common.domain.ReservationId;
import ae.rta.cctv.streamcounter.domain.ReserveResult;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may open a live stream: reserve, heartbeat and release against the agency, camera and global limits.
 * Counting is the quota store's (atomic, self-expiring); limits come from the database, cached for
 * {@code limitRefresh} so a reservation costs no database query, and a change made here applies at once.
 */
public final class StreamQuotas {

    private final QuotaStore store;
    private final LimitRepository limits;
    private final Clock clock;
    private final Duration ttl;
    private final int defaultAgencyLimit;
    private final MeterRegistry registry;
    private final LoadingCache<String, Snapshot> snapshot;
    private final Map<AgencyCode, AtomicInteger> activeGauges = new ConcurrentHashMap<>();
    private final Map<AgencyCode, AtomicInteger> limitGauges = new ConcurrentHashMap<>();
    private final Set<AgencyCode> seen = ConcurrentHashMap.newKeySet();

    private record Snapshot(Map<AgencyCode, Integer> agencyLimits, QuotaSettings settings) {
    }

    /** An agency's limit and how many streams count against it now. */
    public record Quota(AgencyCode agency, int limit, int active) {
    }

    public StreamQuotas(QuotaStore store, LimitRepository limits, Clock clock, Duration ttl, int defaultAgencyLimit,
            Duration limitRefresh, MeterRegistry registry) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.ttl = ttl;
        this.defaultAgencyLimit = defaultAgencyLimit;
        this.registry = registry;
        registry.counter("cctv.stream.counter.store.unavailable"); // reads 0 before the first outage
        this.snapshot = Caffeine.newBuilder().refreshAfterWrite(limitRefresh)
                .build(key -> new Snapshot(Map.copyOf(limits.agencyLimits()), limits.settings()));
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * @throws QuotaStore.QuotaStoreUnavailableException when counts cannot be checked (the caller answers 503)
     */
    public ReserveResult reserve(AgencyCode agency, CameraId camera, String requestId, String owner) {
        seen.add(agency);
        Snapshot s = snapshot.get("limits");
        Limits applied = new Limits(s.agencyLimits().getOrDefault(agency, defaultAgencyLimit), s.settings().cameraLimit(),
                s.settings().globalLimit());
        ReserveResult result = store.reserve(agency, camera, requestId, owner, applied, clock.instant(), ttl);
        switch (result) {
            case ReserveResult.Granted g -> registry.counter("cctv.stream.counter.grants", "agency", agency.value()).increment();
            case ReserveResult.Rejected r -> registry.counter("cctv.stream.counter.rejections", "agency", agency.value(),
                    "reason", r.scope().name().toLowerCase(java.util.Locale.ROOT)).increment();
        }
        return result;
    }

    /**
     * @param owner who asks (null: anyone, an administrator's call)
     * @return the new expiry, or empty once the reservation lapsed or was released, or when it is another owner's
     */
    public Optional<Instant> heartbeat(ReservationId id, String owner) {
        return store.heartbeat(id, owner, clock.instant(), ttl);
    }

    /**
     * @param owner who asks (null: anyone, an administrator's call)
     * @return whether a live reservation was ended (false too when it is another owner's)
     */
    public boolean release(ReservationId id, String owner) {
        return store.release(id, owner, clock.instant());
    }

    /** Which of {@code ids} are live: what a live gateway asks to close the viewers of released reservations. */
    public Set<ReservationId> live(Collection<ReservationId> ids) {
        return store.live(ids, clock.instant());
    }

    /** Every agency with a limit of its own or a reservation seen here, plus {@code asked}, with live counts. */
    public List<Quota> quotas(Collection<AgencyCode> asked) {
        Snapshot s = snapshot.get("limits");
        Set<AgencyCode> agencies = new TreeSet<>(java.util.Comparator.comparing(AgencyCode::value));
        agencies.addAll(s.agencyLimits().keySet());
        agencies.addAll(seen);
        agencies.addAll(asked);
        Map<AgencyCode, Integer> active = store.active(agencies, clock.instant());
        List<Quota> quotas = new ArrayList<>();
        for (AgencyCode a : agencies) {
            quotas.add(new Quota(a, s.agencyLimits().getOrDefault(a, defaultAgencyLimit), active.getOrDefault(a, 0)));
        }
        return quotas;
    }

    /** Sets an agency's limit. Lowering it below the live count admits nobody until the count drops under it. */
    public Quota setAgencyLimit(AgencyCode agency, int limit, String by) {
        QuotaSettings.requireLimit(limit, "limit");
        limits.setAgencyLimit(agency, limit, by, clock.instant());
        snapshot.invalidateAll();
        int active = store.active(List.of(agency), clock.instant()).getOrDefault(agency, 0);
        return new Quota(agency, limit, active);
    }

    public QuotaSettings settings() {
        return snapshot.get("limits").settings();
    }

    public QuotaSettings setSettings(QuotaSettings settings, String by) {
        limits.setSettings(settings, by, clock.instant());
        snapshot.invalidateAll();
        return settings;
    }

    /** Demo mode: gives an agency a starting limit unless an administrator already set one. */
    public void seedAgencyLimit(AgencyCode agency, int limit) {
        limits.addAgencyLimitIfAbsent(agency, limit, "demo", clock.instant());
        snapshot.invalidateAll();
    }

    /**
     * Housekeeping, on a schedule: drops lapsed reservations and refreshes the per-agency gauges
     * ({@code cctv_stream_counter_active_reservations}, {@code cctv_stream_counter_limit}).
     */
    public void refresh() {
        List<Quota> quotas = quotas(List.of());
        store.dropLapsed(quotas.stream().map(Quota::agency).toList(), clock.instant());
        for (Quota q : quotas) {
            if (!activeGauges.containsKey(q.agency())) {
                // Counted as reservations come; registered with the agency's gauges so they read 0 before the first.
                registry.counter("cctv.stream.counter.grants", "agency", q.agency().value());
                for (LimitScope scope : LimitScope.values()) {
                    registry.counter("cctv.stream.counter.rejections", "agency", q.agency().value(),
                            "reason", scope.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            gauge(activeGauges, "cctv.stream.counter.active.reservations", "Live reservations of the agency", q.agency())
                    .set(q.active());
            gauge(limitGauges, "cctv.stream.counter.limit", "Concurrent live streams the agency may hold", q.agency())
                    .set(q.limit());
        }
    }

    private AtomicInteger gauge(Map<AgencyCode, AtomicInteger> gauges, String name, String description, AgencyCode agency) {
        return gauges.computeIfAbsent(agency, a -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(name, value, AtomicInteger::get).description(description).tag("agency", a.value())
                    .register(registry);
            return value;
        });
    }
}
