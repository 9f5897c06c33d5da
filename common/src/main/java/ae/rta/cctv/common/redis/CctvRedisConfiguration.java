package ae.rta.cctv.common.redis;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One shared Lettuce connection to Valkey/Redis for services that need it (import this class), with a health
 * indicator named {@code redis} that pings it. Lettuce reconnects by itself after an outage.
 */
@Configuration(proxyBeanMethods = false)
public class CctvRedisConfiguration {

    @Bean(destroyMethod = "close")
    RedisConnector redisConnector(@Value("${cctv.redis.url}") String url) {
        return RedisConnector.create(url);
    }

    @Bean
    HealthIndicator redisHealthIndicator(RedisConnector redis) {
        return () -> {
            try {
                String pong = redis.connection().sync().ping();
                return "PONG".equals(pong) ? Health.up().build() : Health.down().withDetail("reply", pong).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
