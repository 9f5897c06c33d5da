package ae.rta.cctv.playback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TimelineTest {

    private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");

    private static Instant at(long seconds) {
        return T.plusSeconds(seconds);
    }

    @Test
    void bucketsHoldTheRecordedShareAndHolesTheRecordersReasons() {
        List<Timeline.Span> ranges = List.of(new Timeline.Span(at(0), at(90)), new Timeline.Span(at(150), at(240)));
        List<Timeline.Hole> reported = List.of(new Timeline.Hole(at(100), at(130), "camera unreachable"));
        Timeline t = Timeline.of(at(0), at(300), Duration.ofMinutes(1), ranges, reported);

        assertThat(t.buckets()).containsExactly(1.0, 0.5, 0.5, 1.0, 0.0);
        assertThat(t.coverage()).isEqualTo(180.0 / 300);
        assertThat(t.holes()).containsExactly(
                new Timeline.Hole(at(90), at(100), Timeline.NOT_RECORDED),
                new Timeline.Hole(at(100), at(130), "camera unreachable"),
                new Timeline.Hole(at(130), at(150), Timeline.NOT_RECORDED),
                new Timeline.Hole(at(240), at(300), Timeline.NOT_RECORDED));
    }

    @Test
    void aLastShortBucketIsMeasuredAgainstItsOwnLength() {
        Timeline t = Timeline.of(at(0), at(90), Duration.ofMinutes(1), List.of(new Timeline.Span(at(60), at(90))), List.of());
        assertThat(t.buckets()).containsExactly(0.0, 1.0);
        assertThat(t.holes()).containsExactly(new Timeline.Hole(at(0), at(60), Timeline.NOT_RECORDED));
    }
}
