package ae.rta.cctv.storage.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import ae.rta.cctv.storage.application.port.out.SegmentIndex;
import ae.rta.cctv.storage.domain.RecordedRanges;
import ae.rta.cctv.storage.domain.RecordingActivity;
import java.time.Duration;
import java.util.List;

/** What footage a camera has over a time range: merged ranges, coverage and the recorded gaps. */
public final class Recordings {

    public static final Duration MAX_QUERY = Duration.ofDays(31);
    private static final Duration JOIN = Duration.ofSeconds(2);

    private final SegmentIndex index;

    public Recordings(SegmentIndex index) {
        this.index = index;
    }

    /** The answer of a query. */
    public record Summary(List<RecordedRanges.Range> ranges, double coverage, List<SegmentIndex.Gap> gaps) {
    }

    /** How far back {@link #activity} looks: older footage says nothing about whether a camera records now. */
    public static final Duration ACTIVITY_WINDOW = Duration.ofMinutes(30);

    /** Every camera with a recorded segment or a gap that ended within {@link #ACTIVITY_WINDOW} of {@code now}. */
    public List<RecordingActivity> activity(java.time.Instant now) {
        return index.activity(now.minus(ACTIVITY_WINDOW));
    }

    /** @throws IllegalArgumentException when the range is longer than {@link #MAX_QUERY} */
    public Summary summary(CameraId camera, TimeRange range) {
        if (range.duration().compareTo(MAX_QUERY) > 0) {
            throw new IllegalArgumentException("a recordings query may span at most " + MAX_QUERY.toDays() + " days");
        }
        List<RecordedRanges.Range> segments = index.segments(camera, range.start(), range.end()).stream()
                .map(s -> new RecordedRanges.Range(s.start(), s.end(), s.imported())).toList();
        List<RecordedRanges.Range> merged = RecordedRanges.merge(segments, range.start(), range.end(), JOIN);
        return new Summary(merged, RecordedRanges.coverage(merged, range.start(), range.end()),
                index.gaps(camera, range.start(), range.end()));
    }
}
