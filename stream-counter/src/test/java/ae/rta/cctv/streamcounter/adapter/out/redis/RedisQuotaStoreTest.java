package ae.rta.cctv.streamcounter.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.redis.RedisConnector;
import ae.rta.cctv.streamcounter.QuotaStoreContract;
import ae.rta.cctv.streamcounter.application.port.out.QuotaStore;
import ae.rta.cctv.streamcounter.application.port.out.QuotaStore.QuotaStoreUnavailableException;
import ae.rta.cctv.streamcounter.domain.Limits;
import ae.rta.cctv.streamcounter.domain.ReserveResult;
import ae.rta.cctv.streamcounter.domain.ReserveResult.Granted;
import ae.rta.cctv.testsupport.TestEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class RedisQuotaStoreTest extends QuotaStoreContract {

    private static RedisConnector connector;
    private static RedisQuotaStore store;

    @BeforeAll
    static void connect() {
        connector = RedisConnector.create(TestEngines.redis().url());
        store = new RedisQuotaStore(connector);
    }

    @AfterAll
    static void disconnect() {
        connector.close();
    }

    @Override
    protected QuotaStore store() {
        return store;
    }

    @Test
    void twoThousandConcurrentReservationsAgainstALimitOfFiftyGrantExactlyFifty() throws Exception {
        AgencyCode agency = anAgency();
        Limits limits = new Limits(50, 10_000, OptionalInt.empty());
        List<Future<ReserveResult>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2000; i++) {
                attempts.add(pool.submit(() -> store.reserve(agency, CameraId.random(), UUID.randomUUID().toString(),
                        limits, T0, TTL)));
            }
        }
        List<Granted> granted = new ArrayList<>();
        int rejected = 0;
        for (Future<ReserveResult> attempt : attempts) {
            if (attempt.get() instanceof Granted g) {
                granted.add(g);
            } else {
                rejected++;
            }
        }
        assertThat(granted).hasSize(50);
        assertThat(rejected).isEqualTo(1950);
        granted.forEach(g -> assertThat(store.release(g.id(), T0)).isTrue());
        assertThat(store.active(List.of(agency), T0)).containsEntry(agency, 0);
    }

    @Test
    void failsClosedWhileRedisIsDownAndRecoversByItself() {
        AgencyCode agency = anAgency();
        Limits limits = new Limits(5, 5, OptionalInt.empty());
        store.reserve(agency, CameraId.random(), UUID.randomUUID().toString(), limits, T0, TTL);
        TestEngines.redis().stop();
        try {
            assertThatThrownBy(() -> store.reserve(agency, CameraId.random(), UUID.randomUUID().toString(), limits, T0, TTL))
                    .isInstanceOf(QuotaStoreUnavailableException.class);
        } finally {
            TestEngines.redis().start();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                assertThat(store.reserve(agency, CameraId.random(), UUID.randomUUID().toString(), limits, T0, TTL))
                        .isInstanceOf(Granted.class));
    }
}
