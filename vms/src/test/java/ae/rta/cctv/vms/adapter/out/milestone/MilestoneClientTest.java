package ae.rta.cctv.vms.adapter.out.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ae.rta.cctv.testsupport.MutableClock;
import ae.rta.cctv.vms.application.port.out.UpstreamInventory.InventoryUnavailableException;
import ae.rta.cctv.vms.application.port.out.UpstreamInventory.UpstreamCamera;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class MilestoneClientTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private FakeXProtect xprotect;
    private MilestoneClient client;

    @BeforeEach
    void start() {
        xprotect = new FakeXProtect("svc-cctv", "xp-secret", 3600);
        xprotect.put(new FakeXProtect.XpCamera("7c0b2f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "Gate 1", true, true));
        MilestoneServer server = new MilestoneServer("police-xp", xprotect.baseUrl(), "svc-cctv", "xp-secret",
                "DUBAI_POLICE", null, null, null, null, null);
        client = new MilestoneClient(server, HttpClient.newHttpClient(), clock, Duration.ofMillis(500), 4, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        xprotect.close();
    }

    @Test
    void readsTheInventoryWithItsNamesAndPtzFlags() {
        List<UpstreamCamera> cameras = client.cameras();
        assertThat(cameras).containsExactly(new UpstreamCamera("7c0b2f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "Gate 1", true, true));
    }

    @Test
    void theTokenIsKeptThenRenewedBeforeItExpires() {
        client.cameras();
        clock.advance(Duration.ofMinutes(40));
        client.cameras();
        assertThat(xprotect.tokenRequests.get()).as("still well within its hour").isEqualTo(1);
        clock.advance(Duration.ofMinutes(9));
        client.cameras();
        assertThat(xprotect.tokenRequests.get()).as("renewed at 80% of its life, before it lapses").isEqualTo(2);
        assertThat(xprotect.unauthorised.get()).isZero();
    }

    @Test
    void aTokenTheServerNoLongerAcceptsIsReplacedAndTheCallRetried() {
        client.cameras();
        xprotect.revokeTokens();
        assertThat(client.cameras()).hasSize(1);
        assertThat(xprotect.unauthorised.get()).isEqualTo(1);
        assertThat(xprotect.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void serverErrorsAndSlowAnswersAreRetriedWithBackoffThenReported() {
        xprotect.failNext(2, 503);
        assertThat(client.cameras()).hasSize(1);
        assertThat(xprotect.serverErrors.get()).isEqualTo(2);

        xprotect.slowNext(1, 1500);
        assertThat(client.cameras()).as("a slow answer times out and the retry succeeds").hasSize(1);

        xprotect.failNext(10, 500);
        assertThatThrownBy(client::cameras).isInstanceOf(InventoryUnavailableException.class)
                .hasMessageContaining("HTTP 500 after 4 attempts");
    }

    @Test
    void aRefusedLoginIsReportedNotRetriedForever() {
        MilestoneClient wrong = new MilestoneClient(new MilestoneServer("x", xprotect.baseUrl(), "svc-cctv", "wrong",
                "DUBAI_POLICE", null, null, null, null, null), HttpClient.newHttpClient(), clock, Duration.ofSeconds(2), 4,
                Duration.ofMillis(10));
        assertThatThrownBy(wrong::cameras).isInstanceOf(InventoryUnavailableException.class).hasMessageContaining("refused the login");
        assertThat(xprotect.tokenRequests.get()).isEqualTo(1);
    }
}
