package ae.rta.cctv.streamcounter.adapter.out.redis;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.redis.RedisConnector;
import ae.rta.cctv.streamcounter.application.port.out.QuotaStore;
import ae.rta.cctv.streamcounter.domain.LimitScope;
import ae.rta.cctv.streamcounter.domain.Limits;
import ae.rta.cctv.common.domain.ReservationId;
import ae.rta.cctv.streamcounter.domain.ReserveResult;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts reservations in Valkey/Redis with one Lua script per operation. Every key carries the hash tag
 * {@value #TAG}, so the scripts run unchanged on a Redis cluster (all quota keys share one slot: one script
 * must see an agency's, a camera's and the global count together).
 */
public final class RedisQuotaStore implements QuotaStore {

    static final String TAG = "{cctv-quota}";

    private final RedisConnector redis;
    private final MeterRegistry registry;
    private final Counter expirations;
    private final Script reserve;
    private final Script heartbeat;
    private final Script release;
    private final Script active;
    private final Script expire;
    private final Script live;

    public RedisQuotaStore(RedisConnector redis) {
        this(redis, new SimpleMeterRegistry());
    }

    /** A store that reports expirations and per-script latency to {@code registry}. */
    public RedisQuotaStore(RedisConnector redis, MeterRegistry registry) {
        this.redis = redis;
        this.registry = registry;
        this.expirations = Counter.builder("cctv.stream.counter.expirations")
                .description("Reservations that lapsed without a heartbeat and were dropped")
                .register(registry);
        this.reserve = new Script("reserve.lua", ScriptOutputType.MULTI);
        this.heartbeat = new Script("heartbeat.lua", ScriptOutputType.INTEGER);
        this.release = new Script("release.lua", ScriptOutputType.INTEGER);
        this.active = new Script("active.lua", ScriptOutputType.MULTI);
        this.expire = new Script("expire.lua", ScriptOutputType.MULTI);
        this.live = new Script("live.lua", ScriptOutputType.MULTI);
    }

    static String agencyKey(AgencyCode agency) {
        return TAG + ":agency:" + agency.value();
    }

    static String cameraKey(CameraId camera) {
        return TAG + ":camera:" + camera;
    }

    static String globalKey() {
        return TAG + ":all";
    }

    static String ownerKey(ReservationId id) {
        return TAG + ":owner:" + id;
    }

    private static String[] keysOf(ReservationId id) {
        return new String[] {agencyKey(id.agency()), cameraKey(id.camera()), globalKey(), ownerKey(id)};
    }

    @Override
    public ReserveResult reserve(AgencyCode agency, CameraId camera, String requestId, String owner, Limits limits,
            Instant now, Duration ttl) {
        if (requestId == null || requestId.isEmpty() || requestId.length() > 128) {
            throw new IllegalArgumentException("requestId must be 1 to 128 characters");
        }
        ReservationId id = ReservationId.newFor(agency, camera);
        long nowMs = now.toEpochMilli();
        List<Object> reply = reserve.run(
                new String[] {agencyKey(agency), cameraKey(camera), globalKey(), TAG + ":request:" + agency + ":" + requestId,
                        ownerKey(id)},
                Long.toString(nowMs), Long.toString(nowMs + ttl.toMillis()), Integer.toString(limits.agency()),
                Integer.toString(limits.camera()), Integer.toString(limits.global().orElse(-1)), id.toString(),
                owner == null ? "" : owner);
        expirations.increment((Long) reply.get(reply.size() - 1));
        if (((Long) reply.get(0)) == 1L) {
            return new ReserveResult.Granted(ReservationId.parse((String) reply.get(1)),
                    Instant.ofEpochMilli(Long.parseLong((String) reply.get(2))));
        }
        return new ReserveResult.Rejected(LimitScope.valueOf((String) reply.get(1)), ((Long) reply.get(2)).intValue(),
                ((Long) reply.get(3)).intValue());
    }

    @Override
    public Optional<Instant> heartbeat(ReservationId id, String owner, Instant now, Duration ttl) {
        Instant expires = now.plus(ttl);
        Long extended = heartbeat.run(keysOf(id), Long.toString(now.toEpochMilli()),
                Long.toString(expires.toEpochMilli()), id.toString(), owner == null ? "" : owner);
        return extended == 1L ? Optional.of(expires) : Optional.empty();
    }

    @Override
    public boolean release(ReservationId id, String owner, Instant now) {
        Long released = release.run(keysOf(id), Long.toString(now.toEpochMilli()), id.toString(),
                owner == null ? "" : owner);
        return released == 1L;
    }

    @Override
    public java.util.Set<ReservationId> live(java.util.Collection<ReservationId> ids, Instant now) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> args = new ArrayList<>(ids.size() + 1);
        args.add(Long.toString(now.toEpochMilli()));
        ids.forEach(id -> args.add(id.toString()));
        List<String> reply = live.run(new String[] {globalKey()}, args.toArray(String[]::new));
        java.util.Set<ReservationId> result = new java.util.HashSet<>();
        reply.forEach(id -> result.add(ReservationId.parse(id)));
        return result;
    }

    @Override
    public Map<AgencyCode, Integer> active(Iterable<AgencyCode> agencies, Instant now) {
        List<AgencyCode> asked = new ArrayList<>();
        agencies.forEach(asked::add);
        Map<AgencyCode, Integer> counts = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            return counts;
        }
        List<Long> reply = active.run(asked.stream().map(RedisQuotaStore::agencyKey).toArray(String[]::new),
                Long.toString(now.toEpochMilli()));
        for (int i = 0; i < asked.size(); i++) {
            counts.put(asked.get(i), reply.get(i).intValue());
        }
        return counts;
    }

    @Override
    public int dropLapsed(Iterable<AgencyCode> agencies, Instant now) {
        List<String> keys = new ArrayList<>();
        agencies.forEach(a -> keys.add(agencyKey(a)));
        if (keys.isEmpty()) {
            return 0;
        }
        keys.add(globalKey());
        List<Long> dropped = expire.run(keys.toArray(String[]::new), Long.toString(now.toEpochMilli()));
        int total = dropped.stream().mapToInt(Long::intValue).sum();
        expirations.increment(total);
        return total;
    }

    /*
     * Scripts run by SHA; after a Redis restart the script cache is empty, so a NOSCRIPT reply loads the script
     * and runs it once more. Any failure to reach Redis surfaces as QuotaStoreUnavailableException: callers fail
     * closed rather than guess a count.
     */
    private final class Script {
        private final String source;
        private final ScriptOutputType output;
        private final Timer latency;
        private volatile String sha;

        Script(String resource, ScriptOutputType output) {
            this.output = output;
            this.latency = Timer.builder("cctv.stream.counter.script")
                    .description("Time of one quota script, round trip included")
                    .tag("script", resource.replace(".lua", ""))
                    .publishPercentileHistogram()
                    .register(registry);
            try (InputStream in = RedisQuotaStore.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing script " + resource);
                }
                this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @SuppressWarnings("unchecked")
        <T> T run(String[] keys, String... args) {
            long start = System.nanoTime();
            try {
                RedisCommands<String, String> commands = redis.connection().sync();
                String current = sha;
                if (current == null) {
                    current = sha = commands.scriptLoad(source);
                }
                try {
                    return (T) commands.evalsha(current, output, keys, args);
                } catch (RedisNoScriptException e) {
                    sha = commands.scriptLoad(source);
                    return (T) commands.evalsha(sha, output, keys, args);
                }
            } catch (RedisException e) {
                throw new QuotaStoreUnavailableException("Valkey/Redis did not answer: " + e.getMessage(), e);
            } finally {
                latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }
}
