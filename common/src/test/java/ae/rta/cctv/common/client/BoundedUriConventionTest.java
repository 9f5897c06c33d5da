package ae.rta.cctv.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Regression: the api's client metrics were tagged with full query strings and ids (one series per call). */
final class BoundedUriConventionTest {

    @Test
    void queriesAndIdsAreFoldedAway() {
        assertThat(BoundedUriConvention.bounded("/internal/cameras/3f2c1d4e-0000-4000-8000-000000000001/recordings?start=a&end=b"))
                .isEqualTo("/internal/cameras/{id}/recordings");
        assertThat(BoundedUriConvention.bounded("/internal/quotas?agency=METRO&agency=TAXI")).isEqualTo("/internal/quotas");
        assertThat(BoundedUriConvention.bounded("/internal/reservations/TAXI.3f2c1d4e-0000-4000-8000-000000000001.abc/heartbeat?owner=x"))
                .isEqualTo("/internal/reservations/{id}/heartbeat");
        assertThat(BoundedUriConvention.bounded("/internal/exports/42")).isEqualTo("/internal/exports/{id}");
        assertThat(BoundedUriConvention.bounded("/internal/cameras/{id}/stream")).isEqualTo("/internal/cameras/{id}/stream");
    }
}
