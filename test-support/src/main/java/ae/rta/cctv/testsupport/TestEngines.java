package ae.rta.cctv.testsupport;

import ae.rta.cctv.embedded.PostgresEngine;
import ae.rta.cctv.embedded.RedisEngine;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real engines a test JVM shares: one PostgreSQL and one redis-server, started on first use and stopped when
 * the JVM exits. Each service keeps to its own schema, so tests of several services can share the database.
 */
public final class TestEngines {

    /** A fixed secret for service credentials in tests; never used outside them. */
    public static final String SERVICE_SECRET = "test-service-secret-0123456789abcdef0123456789";

    private TestEngines() {
    }

    private static final class Postgres {
        static final PostgresEngine ENGINE = PostgresEngine.start(null, 0);

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(ENGINE::close, "test-postgres-stop"));
        }
    }

    private static final class Redis {
        static final RedisEngine ENGINE = RedisEngine.start(null, 0);

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(ENGINE::close, "test-redis-stop"));
        }
    }

    public static PostgresEngine postgres() {
        return Postgres.ENGINE;
    }

    public static RedisEngine redis() {
        return Redis.ENGINE;
    }

    /** Points a service's Spring test context at the shared PostgreSQL. */
    public static void registerPostgres(DynamicPropertyRegistry registry) {
        registry.add("cctv.db.url", () -> postgres().jdbcUrl());
        registry.add("cctv.db.username", () -> postgres().username());
        registry.add("cctv.db.password", () -> postgres().password());
        registry.add("cctv.security.service-secret", () -> SERVICE_SECRET);
    }

    /** Points a service's Spring test context at the shared redis-server. */
    public static void registerRedis(DynamicPropertyRegistry registry) {
        registry.add("cctv.redis.url", () -> redis().url());
        registry.add("cctv.security.service-secret", () -> SERVICE_SECRET);
    }
}
