package ae.rta.cctv.common.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import java.time.Duration;

/**
 * Hands out one shared connection to Valkey/Redis, connecting on first use rather than at start-up, so a service
 * whose Redis is down starts anyway (and reports DOWN) and connects once Redis answers. Once connected, Lettuce
 * reconnects by itself.
 */
public final class RedisConnector implements AutoCloseable {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    private RedisConnector(RedisClient client) {
        this.client = client;
    }

    /**
     * A connector to {@code url} (e.g. {@code redis://host:6379}) that owns its client. While Redis is unreachable,
     * commands fail at once instead of queueing, so callers fail closed, fast.
     */
    public static RedisConnector create(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return new RedisConnector(client);
    }

    /** @throws RedisConnectionException when Redis cannot be reached now */
    public StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connection == null) {
                connection = client.connect();
            }
            return connection;
        }
    }

    /**
     * A new connection of its own with {@code codec} (for libraries that need byte values); the caller closes it.
     *
     * @throws RedisConnectionException when Redis cannot be reached now
     */
    public <K, V> StatefulRedisConnection<K, V> connect(RedisCodec<K, V> codec) {
        return client.connect(codec);
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
