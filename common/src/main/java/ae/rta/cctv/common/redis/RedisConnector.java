package ae.rta.cctv.common.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Hands out one shared connection to Valkey/Redis, connecting on first use rather than at start-up, so a service
 * whose Redis is down starts anyway (and reports DOWN) and connects once Redis answers. Once connected, Lettuce
 * reconnects by itself.
 */
public final class RedisConnector implements AutoCloseable {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    public RedisConnector(RedisClient client) {
        this.client = client;
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

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
