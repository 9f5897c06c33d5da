package ae.rta.cctv.streamcounter;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.streamcounter.application.port.out.QuotaStore;
import ae.rta.cctv.streamcounter.domain.LimitScope;
import ae.rta.cctv.streamcounter.domain.Limits;
import ae.rta.cctv.common.domain.ReservationId;
import ae.rta.cctv.streamcounter.domain.ReserveResult;
import ae.rta.cctv.streamcounter.domain.ReserveResult.Granted;
import ae.rta.cctv.streamcounter.domain.ReserveResult.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuotaStore} adapter must do. Time is passed in, so lapsing is tested by moving the clock,
 * never by waiting. Each test uses agencies and cameras of its own, so adapters may share one engine.
 */
public abstract class QuotaStoreContract {

    protected static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    protected static final Duration TTL = Duration.ofSeconds(30);

    protected abstract QuotaStore store();

    protected static AgencyCode anAgency() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 12; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return new AgencyCode(code.toString());
    }

    private static String aRequest() {
        return UUID.randomUUID().toString();
    }

    private static Limits agencyLimit(int limit) {
        return new Limits(limit, Limits.DEFAULT_CAMERA_LIMIT, OptionalInt.empty());
    }

    private int active(AgencyCode agency, Instant now) {
        return store().active(List.of(agency), now).get(agency);
    }

    @Test
    void grantsUpToTheAgencyLimitThenNamesIt() {
        AgencyCode agency = anAgency();
        for (int i = 0; i < 3; i++) {
            assertThat(store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(3), T0, TTL))
                    .isInstanceOf(Granted.class);
        }
        assertThat(store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(3), T0, TTL))
                .isEqualTo(new Rejected(LimitScope.AGENCY, 3, 3));
        assertThat(active(agency, T0)).isEqualTo(3);
    }

    @Test
    void enforcesTheCameraAndGlobalLimits() {
        AgencyCode agency = anAgency();
        CameraId camera = CameraId.random();
        Limits twoViewers = new Limits(10, 2, OptionalInt.empty());
        store().reserve(agency, camera, aRequest(), twoViewers, T0, TTL);
        store().reserve(agency, camera, aRequest(), twoViewers, T0, TTL);
        assertThat(store().reserve(agency, camera, aRequest(), twoViewers, T0, TTL))
                .isEqualTo(new Rejected(LimitScope.CAMERA, 2, 2));
        assertThat(store().reserve(agency, CameraId.random(), aRequest(), twoViewers, T0, TTL)).isInstanceOf(Granted.class);

        ReserveResult overGlobal = store().reserve(anAgency(), CameraId.random(), aRequest(),
                new Limits(10, 10, OptionalInt.of(0)), T0, TTL);
        assertThat(overGlobal).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.scope()).isEqualTo(LimitScope.GLOBAL));
    }

    @Test
    void aRetriedRequestCountsOnce() {
        AgencyCode agency = anAgency();
        CameraId camera = CameraId.random();
        String request = aRequest();
        Granted first = (Granted) store().reserve(agency, camera, request, agencyLimit(5), T0, TTL);
        Granted again = (Granted) store().reserve(agency, camera, request, agencyLimit(5), T0.plusSeconds(1), TTL);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(active(agency, T0.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void aReservationLapsesWithoutHeartbeatsAndSurvivesWithThem() {
        AgencyCode agency = anAgency();
        Granted kept = (Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(5), T0, TTL);
        Granted dropped = (Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(5), T0, TTL);
        Instant now = T0;
        for (int beat = 0; beat < 5; beat++) {
            now = now.plus(TTL.dividedBy(2));
            assertThat(store().heartbeat(kept.id(), now, TTL)).hasValue(now.plus(TTL));
        }
        assertThat(active(agency, now)).isEqualTo(1);
        assertThat(store().heartbeat(dropped.id(), now, TTL)).isEmpty();
        assertThat(store().release(dropped.id(), now)).isFalse();
    }

    @Test
    void liveNamesOnlyTheReservationsNeitherReleasedNorLapsed() {
        AgencyCode agency = anAgency();
        Granted kept = (Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(5), T0, TTL);
        Granted released = (Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(5), T0, TTL);
        Granted lapsing = (Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(5), T0, TTL);
        ReservationId unknown = ReservationId.newFor(agency, CameraId.random());
        store().release(released.id(), T0);
        Instant later = T0.plus(TTL.dividedBy(2));
        store().heartbeat(kept.id(), later, TTL);

        assertThat(store().live(List.of(kept.id(), released.id(), lapsing.id(), unknown), later))
                .containsExactlyInAnyOrder(kept.id(), lapsing.id());
        assertThat(store().live(List.of(kept.id(), lapsing.id()), T0.plus(TTL).plusSeconds(1)))
                .containsExactly(kept.id());
        assertThat(store().live(List.of(), later)).isEmpty();
    }

    @Test
    void aReservationWithAnOwnerIsKeptAndEndedOnlyByThemOrByAnyone() {
        AgencyCode agency = anAgency();
        Granted granted = (Granted) store().reserve(agency, CameraId.random(), aRequest(), "user-a", agencyLimit(1), T0, TTL);
        assertThat(store().heartbeat(granted.id(), "user-b", T0, TTL)).isEmpty();
        assertThat(store().release(granted.id(), "user-b", T0)).isFalse();
        assertThat(store().live(List.of(granted.id()), T0)).containsExactly(granted.id());
        assertThat(store().heartbeat(granted.id(), "user-a", T0.plusSeconds(1), TTL)).hasValue(T0.plusSeconds(1).plus(TTL));
        assertThat(store().heartbeat(granted.id(), null, T0.plusSeconds(2), TTL)).as("asked as anyone").isPresent();
        assertThat(store().release(granted.id(), "user-a", T0.plusSeconds(3))).isTrue();
        Granted next = (Granted) store().reserve(agency, CameraId.random(), aRequest(), "user-a", agencyLimit(1), T0, TTL);
        assertThat(store().release(next.id(), null, T0)).as("an administrator ends anyone's").isTrue();
    }

    @Test
    void releaseFreesTheSlotOnce() {
        AgencyCode agency = anAgency();
        Granted granted = (Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(1), T0, TTL);
        assertThat(store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(1), T0, TTL)).isInstanceOf(Rejected.class);
        assertThat(store().release(granted.id(), T0)).isTrue();
        assertThat(store().release(granted.id(), T0)).isFalse();
        assertThat(store().heartbeat(granted.id(), T0, TTL)).isEmpty();
        assertThat(store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(1), T0, TTL)).isInstanceOf(Granted.class);
    }

    @Test
    void aLoweredLimitAdmitsNobodyUntilTheCountDropsBelowIt() {
        AgencyCode agency = anAgency();
        List<ReservationId> held = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(((Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(4), T0, TTL)).id());
        }
        assertThat(store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(2), T0, TTL))
                .isEqualTo(new Rejected(LimitScope.AGENCY, 2, 4));
        store().release(held.get(0), T0);
        store().release(held.get(1), T0);
        assertThat(store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(2), T0, TTL))
                .isEqualTo(new Rejected(LimitScope.AGENCY, 2, 2));
        store().release(held.get(2), T0);
        assertThat(store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(2), T0, TTL)).isInstanceOf(Granted.class);
    }

    @Test
    void housekeepingDropsOnlyLapsedReservations() {
        AgencyCode agency = anAgency();
        ReservationId lapsing = ((Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(5), T0, TTL)).id();
        ReservationId kept = ((Granted) store().reserve(agency, CameraId.random(), aRequest(), agencyLimit(5), T0, TTL)).id();
        Instant later = T0.plus(TTL).minusSeconds(1);
        assertThat(store().heartbeat(kept, later, TTL)).isPresent();
        assertThat(store().dropLapsed(List.of(agency), T0.plus(TTL).plusSeconds(1))).isEqualTo(1);
        assertThat(store().heartbeat(lapsing, T0.plus(TTL).plusSeconds(1), TTL)).isEmpty();
        assertThat(active(agency, T0.plus(TTL).plusSeconds(1))).isEqualTo(1);
        assertThat(store().dropLapsed(List.of(), T0)).isZero();
    }
}
