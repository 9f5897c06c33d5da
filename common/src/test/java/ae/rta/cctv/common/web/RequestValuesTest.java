package ae.rta.cctv.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class RequestValuesTest {

    @Test
    void instantsOfFourDigitYearsAreTakenAndLargerYearsRefused() {
        assertThat(RequestValues.instant("start", "2026-11-24T10:00:00Z")).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(RequestValues.instant("start", "9999-12-31T23:59:59Z")).isNotNull();
        for (String year : new String[] {"+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> RequestValues.instant("start", year)).as(year)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start must lie between the years");
        }
    }
}
