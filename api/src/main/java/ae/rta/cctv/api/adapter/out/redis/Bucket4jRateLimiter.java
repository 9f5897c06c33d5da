package ae.rta.cctv.api.adapter.out.redis;

import ae.rta.cctv.api.application.port.out.RateLimiter;
import ae.rta.cctv.common.redis.RedisConnector;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets kept in Valkey/Redis through Bucket4j, so a limit holds across every api instance.
 *
 * <p>When Redis cannot be reached the limiter does not fail the request: it falls back to buckets in this
 * process's memory (counted in {@code cctv_api_rate_limit_fallbacks_total}), so limits still hold per instance while
 * Redis is away, and it returns to the shared buckets as soon as Redis answers.
 */
public final class Bucket4jRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Bucket4jRateLimiter.class);
    private static final String PREFIX = "cctv:rl:";

    private final RedisConnector redis;
    private final Cache<String, Bucket> local = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Counter fallbacks;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    public Bucket4jRateLimiter(RedisConnector redis, MeterRegistry registry) {
        this.redis = redis;
        this.fallbacks = Counter.builder("cctv.api.rate.limit.fallbacks")
                .description("Rate-limit decisions taken from in-process buckets because Redis did not answer")
                .register(registry);
    }

    @Override
    public Decision tryConsume(String key, Limit limit) {
        try {
            ConsumptionProbe probe = shared().builder().build(redisKey(key, limit), () -> configuration(limit))
                    .tryConsumeAndReturnRemaining(1);
            return decision(probe);
        } catch (RuntimeException e) {
            fallback(e);
            return decision(localBucket(key, limit).tryConsumeAndReturnRemaining(1));
        }
    }

    @Override
    public void refund(String key, Limit limit) {
        try {
            shared().builder().build(redisKey(key, limit), () -> configuration(limit)).addTokens(1);
        } catch (RuntimeException e) {
            fallback(e);
            localBucket(key, limit).addTokens(1);
        }
    }

    /* The limit's shape is part of the key: a changed limit takes effect at once, and old buckets simply expire. */
    private static String redisKey(String key, Limit limit) {
        return PREFIX + key + ":" + limit.capacity() + "/" + limit.period().toMillis();
    }

    private ProxyManager<String> shared() {
        ProxyManager<String> manager = buckets;
        if (manager != null) {
            return manager;
        }
        synchronized (this) {
            if (buckets == null) {
                connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofSeconds(10)))
                        .build();
            }
            return buckets;
        }
    }

    private void fallback(RuntimeException e) {
        fallbacks.increment();
        log.debug("rate limiter falls back to in-process buckets: {}", e.toString());
    }

    private Bucket localBucket(String key, Limit limit) {
        return local.get(key + "|" + limit, k -> Bucket.builder().addLimit(bandwidth(limit)).build());
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    private static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
    }

    private static Decision decision(ConsumptionProbe probe) {
        return probe.isConsumed() ? Decision.GRANTED
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
