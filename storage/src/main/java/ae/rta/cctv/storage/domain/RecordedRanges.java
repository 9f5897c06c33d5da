package ae.rta.cctv.storage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Contiguous stored ranges from segments, and how much of a window they cover. Imported footage and recorded footage
 * are never merged into one range: a range is all imported or all recorded, and says which.
 */
public final class RecordedRanges {

    /** A stored stretch. @param imported whether it is footage imported from a file rather than recorded */
    public record Range(Instant start, Instant end, boolean imported) {
    }

    private RecordedRanges() {
    }

    /**
     * Merges segment ranges of the same kind (imported or recorded) that touch or are closer than {@code join} (the
     * small jitter between consecutive segments is not a gap), clipped to [from, to).
     */
    public static List<Range> merge(List<Range> segments, Instant from, Instant to, Duration join) {
        List<Range> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparing(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            Instant start = r.start().isBefore(from) ? from : r.start();
            Instant end = r.end().isAfter(to) ? to : r.end();
            if (!end.isAfter(start)) {
                continue;
            }
            if (!merged.isEmpty() && merged.getLast().imported() == r.imported()
                    && !merged.getLast().end().plus(join).isBefore(start)) {
                Range last = merged.removeLast();
                merged.add(new Range(last.start(), end.isAfter(last.end()) ? end : last.end(), last.imported()));
            } else {
                merged.add(new Range(start, end, r.imported()));
            }
        }
        return merged;
    }

    /** The share of [from, to) the ranges cover, 0 to 1. */
    public static double coverage(List<Range> merged, Instant from, Instant to) {
        long window = Duration.between(from, to).toMillis();
        if (window <= 0) {
            return 0;
        }
        long covered = merged.stream().mapToLong(r -> Duration.between(r.start(), r.end()).toMillis()).sum();
        return Math.min(1.0, (double) covered / window);
    }
}
