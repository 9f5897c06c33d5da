package ae.rta.cctv.recording.adapter.out.redis;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.redis.RedisConnector;
import ae.rta.cctv.recording.application.port.out.LeaseStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Camera leases in Valkey/Redis. A lease is one key, {@code cctv:rec:{camera}:lease = "<instance>|<token>"} with a
 * TTL; its token comes from {@code cctv:rec:{camera}:fence}, incremented at each grant, so tokens only grow. Both
 * keys of a camera share a hash slot (cluster-safe). Each operation is one Lua script: atomic, one round trip.
 */
public final class RedisLeaseStore implements LeaseStore {

    private static final String ACQUIRE = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local sep = string.find(current, '|', 1, true)
              if string.sub(current, 1, sep - 1) == ARGV[1] then
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                return tonumber(string.sub(current, sep + 1))
              end
              return -1
            end
            local token = redis.call('INCR', KEYS[2])
            redis.call('SET', KEYS[1], ARGV[1] .. '|' .. token, 'PX', ARGV[2])
            return token""";
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            return 0""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""";
    private static final String INSTANCES = "cctv:rec:instances";

    private final RedisConnector redis;
    private final Clock clock;

    public RedisLeaseStore(RedisConnector redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    private RedisCommands<String, String> redis() {
        return redis.connection().sync();
    }

    private static String[] keys(CameraId camera) {
        return new String[] {"cctv:rec:{" + camera + "}:lease", "cctv:rec:{" + camera + "}:fence"};
    }

    @Override
    public OptionalLong acquire(CameraId camera, String instance, Duration ttl) {
        Long token = redis().eval(ACQUIRE, ScriptOutputType.INTEGER, keys(camera), instance, Long.toString(ttl.toMillis()));
        return token == null || token < 0 ? OptionalLong.empty() : OptionalLong.of(token);
    }

    @Override
    public boolean renew(CameraId camera, String instance, long token, Duration ttl) {
        Long renewed = redis().eval(RENEW, ScriptOutputType.INTEGER, new String[] {keys(camera)[0]}, instance + "|" + token,
                Long.toString(ttl.toMillis()));
        return renewed != null && renewed == 1;
    }

    @Override
    public void release(CameraId camera, String instance, long token) {
        redis().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {keys(camera)[0]}, instance + "|" + token);
    }

    @Override
    public void heartbeat(String instance, Duration ttl) {
        long now = clock.millis();
        redis().zadd(INSTANCES, now + ttl.toMillis(), instance);
        redis().zremrangebyscore(INSTANCES, io.lettuce.core.Range.create(Double.NEGATIVE_INFINITY, (double) now));
    }

    @Override
    public void leave(String instance) {
        redis().zrem(INSTANCES, instance);
    }

    @Override
    public int liveInstances() {
        return redis().zcount(INSTANCES, io.lettuce.core.Range.create((double) clock.millis(), Double.POSITIVE_INFINITY)).intValue();
    }
}
