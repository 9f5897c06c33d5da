package ae.rta.cctv.api.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.api.application.LoginThrottle;
import ae.rta.cctv.api.application.port.out.RateLimiter.Decision;
import ae.rta.cctv.api.application.port.out.RateLimiter.Limit;
import ae.rta.cctv.common.redis.RedisConnector;
import ae.rta.cctv.embedded.RedisEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rate limiter against a real redis-server of its own, which the last test stops. */
final class Bucket4jRateLimiterTest {

    private static final Limit FIVE_PER_MINUTE = new Limit(5, Duration.ofMinutes(1));

    @Test
    void twoInstancesShareOneBucketAndARefundGivesATokenBack() {
        try (RedisEngine redis = RedisEngine.start(null, 0); RedisConnector c1 = RedisConnector.create(redis.url());
                RedisConnector c2 = RedisConnector.create(redis.url());
                Bucket4jRateLimiter one = new Bucket4jRateLimiter(c1, new SimpleMeterRegistry());
                Bucket4jRateLimiter two = new Bucket4jRateLimiter(c2, new SimpleMeterRegistry())) {
            String key = "test:" + UUID.randomUUID();
            for (int i = 0; i < 5; i++) {
                assertThat((i % 2 == 0 ? one : two).tryConsume(key, FIVE_PER_MINUTE).granted()).isTrue();
            }
            Decision refused = one.tryConsume(key, FIVE_PER_MINUTE);
            assertThat(refused.granted()).isFalse();
            assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(12));
            two.refund(key, FIVE_PER_MINUTE);
            assertThat(one.tryConsume(key, FIVE_PER_MINUTE).granted()).isTrue();
        }
    }

    @Test
    void theLoginThrottleLimitsPerAddressAcrossUsernames() {
        try (RedisEngine redis = RedisEngine.start(null, 0); RedisConnector c = RedisConnector.create(redis.url());
                Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(c, new SimpleMeterRegistry())) {
            LoginThrottle throttle = new LoginThrottle(limiter, 5, 8, Duration.ofMinutes(1));
            for (int i = 0; i < 8; i++) {
                assertThat(throttle.attempt("user" + i, "203.0.113.7").granted()).isTrue();
            }
            assertThat(throttle.attempt("user-fresh", "203.0.113.7").granted()).isFalse();
            assertThat(throttle.attempt("user-fresh", "198.51.100.1").granted())
                    .as("the refused attempt did not use up the fresh user's tokens").isTrue();
        }
    }

    @Test
    void withRedisGoneLimitsStillHoldInProcessAndRedisIsUsedAgainWhenBack() {
        RedisEngine redis = RedisEngine.start(null, 0);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RedisConnector c = RedisConnector.create(redis.url()); Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(c, registry)) {
            assertThat(limiter.tryConsume("warm", FIVE_PER_MINUTE).granted()).isTrue();
            redis.stop();
            String key = "outage:" + UUID.randomUUID();
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.tryConsume(key, FIVE_PER_MINUTE).granted()).isTrue();
            }
            assertThat(limiter.tryConsume(key, FIVE_PER_MINUTE).granted()).isFalse();
            assertThat(registry.get("cctv.api.rate.limit.fallbacks").counter().count()).isEqualTo(6);

            redis.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                double before = fallbacksNow(registry);
                boolean granted = limiter.tryConsume("after:" + UUID.randomUUID(), FIVE_PER_MINUTE).granted();
                return granted && fallbacksNow(registry) == before;
            });
        } finally {
            redis.close();
        }
    }

    private static double fallbacksNow(SimpleMeterRegistry registry) {
        return registry.get("cctv.api.rate.limit.fallbacks").counter().count();
    }
}
