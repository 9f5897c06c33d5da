package ae.rta.cctv.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class TimeRangeTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void endMustBeAfterStart() {
        assertThatThrownBy(() -> new TimeRange(T, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(T, T.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangesAreHalfOpen() {
        TimeRange a = new TimeRange(T, T.plusSeconds(60));
        TimeRange b = new TimeRange(T.plusSeconds(60), T.plusSeconds(120));
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.contains(T)).isTrue();
        assertThat(a.contains(T.plusSeconds(60))).isFalse();
        assertThat(a.intersection(b)).isEmpty();
        assertThat(a.intersection(new TimeRange(T.plusSeconds(30), T.plusSeconds(90))))
                .hasValue(new TimeRange(T.plusSeconds(30), T.plusSeconds(60)));
    }

    @Test
    void cameraIdAndAgencyRejectMalformedText() {
        assertThatThrownBy(() -> CameraId.parse("../../etc/passwd")).hasMessageContaining("UUID");
        assertThatThrownBy(() -> new AgencyCode("police; drop table")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AgencyCode("DUBAI_POLICE").value()).isEqualTo("DUBAI_POLICE");
    }
}
