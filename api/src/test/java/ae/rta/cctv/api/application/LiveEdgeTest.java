package ae.rta.cctv.api.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The footage a recorder writes now, added to storage's answer (60 s segments land only when complete). */
@SuppressWarnings("unchecked")
final class LiveEdgeTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static Map<String, Object> stored(List<Map<String, Object>> ranges, double coverage) {
        return Map.of("ranges", ranges, "coverage", coverage, "gaps", List.of());
    }

    private static Map<String, Object> range(int fromS, int toS) {
        return Map.of("start", T0.plusSeconds(fromS).toString(), "end", T0.plusSeconds(toS).toString());
    }

    @Test
    void theRangeBeingWrittenFollowsTheStoredOneUpToNow() {
        // asked for 10:01:00-10:03:00 at 10:03:00; stored up to 10:02:05, the segment after it is being written
        Map<String, Object> answer = LiveEdge.add(stored(List.of(range(5, 125)), 65 / 120.0), T0.plusSeconds(125),
                T0.plusSeconds(60), T0.plusSeconds(180), T0.plusSeconds(180));
        assertThat(answer.get("coverage")).isEqualTo(1.0);
        assertThat((List<Object>) answer.get("ranges")).containsExactly(range(5, 125), Map.of("start",
                T0.plusSeconds(125).toString(), "end", T0.plusSeconds(180).toString(), "recording", true));
        assertThat(answer.get("gaps")).isEqualTo(List.of());
    }

    @Test
    void storageNewerThanTheRecordingStatesIsNotCountedTwice() {
        // the api's recording states say 10:02:00; storage already has up to 10:02:30
        Map<String, Object> answer = LiveEdge.add(stored(List.of(range(0, 150)), 1.0), T0.plusSeconds(120), T0,
                T0.plusSeconds(180), T0.plusSeconds(180));
        assertThat((List<?>) answer.get("ranges")).last().isEqualTo(Map.of("start", T0.plusSeconds(150).toString(),
                "end", T0.plusSeconds(180).toString(), "recording", true));
        assertThat(answer.get("coverage")).isEqualTo(1.0);
    }

    @Test
    void aHoleBeforeTheRecorderStartedAgainStaysAHole() {
        // stored 0-60; nothing 60-100 (a camera outage); the recorder writes from 100 (the newest segment ended there)
        Map<String, Object> answer = LiveEdge.add(stored(List.of(range(0, 60)), 0.5), T0.plusSeconds(100), T0,
                T0.plusSeconds(120), T0.plusSeconds(130));
        assertThat((List<?>) answer.get("ranges")).hasSize(2).last().isEqualTo(Map.of("start", T0.plusSeconds(100).toString(),
                "end", T0.plusSeconds(120).toString(), "recording", true));
        assertThat(answer.get("coverage")).isEqualTo(round(80 / 120.0));
    }

    @Test
    void aRangeInThePastIsAnsweredAsStored() {
        Map<String, Object> stored = stored(List.of(range(0, 60)), 1.0);
        assertThat(LiveEdge.add(stored, T0.plusSeconds(3600), T0, T0.plusSeconds(60), T0.plusSeconds(3650)))
                .isSameAs(stored);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
