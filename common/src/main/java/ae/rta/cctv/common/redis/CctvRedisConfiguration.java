package ae.rta.cctv.common.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
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

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(@Value("${cctv.redis.url}") String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        // While Redis is unreachable, commands fail at once instead of queueing: callers fail closed, fast.
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    @Bean(destroyMethod = "close")
    RedisConnector redisConnector(RedisClient client) {
        return new RedisConnector(client);
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
