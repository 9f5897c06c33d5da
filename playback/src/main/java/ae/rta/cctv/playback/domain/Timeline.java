package ae.rta.cctv.playback.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a camera has recorded over a day or a week, drawn at a resolution: the recorded ranges, the holes between them
 * with the reason the recorder gave (or none known), and the share recorded of every bucket of {@code resolution},
 * which is what a timeline bar is painted from.
 */
public record Timeline(Instant start, Instant end, Duration resolution, List<Span> ranges, List<Hole> holes,
        double[] buckets, double coverage) {

    /** A stored stretch. @param imported whether it is footage imported from a file rather than recorded */
    public record Span(Instant start, Instant end, boolean imported) {

        public Span(Instant start, Instant end) {
            this(start, end, false);
        }
    }

    /** A stretch without footage and why, as far as the recorder said. */
    public record Hole(Instant start, Instant end, String reason) {
    }

    /** Why there is no footage when the recorder reported nothing (schedule off, camera not recorded yet, ...). */
    public static final String NOT_RECORDED = "not recorded";

    /**
     * @param ranges recorded ranges in time order, not overlapping, within [start, end)
     * @param reported gaps the recorder reported, with reasons
     */
    public static Timeline of(Instant start, Instant end, Duration resolution, List<Span> ranges, List<Hole> reported) {
        long step = resolution.toMillis();
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        int count = (int) ((to - from + step - 1) / step);
        double[] recorded = new double[count];
        long total = 0;
        for (Span r : ranges) {
            long s = Math.max(from, r.start().toEpochMilli());
            long e = Math.min(to, r.end().toEpochMilli());
            total += Math.max(0, e - s);
            while (s < e) {
                int i = (int) ((s - from) / step);
                long bucketEnd = Math.min(to, from + (i + 1) * step);
                long part = Math.min(e, bucketEnd) - s;
                recorded[i] += part;
                s += part;
            }
        }
        for (int i = 0; i < count; i++) {
            long length = Math.min(to, from + (i + 1) * step) - (from + i * step);
            recorded[i] = Math.round(recorded[i] / length * 1000) / 1000.0;
        }
        return new Timeline(start, end, resolution, ranges, holes(start, end, ranges, reported), recorded,
                to > from ? (double) total / (to - from) : 0);
    }

    /* The complement of the ranges, each hole cut where the reported gaps say different things. */
    private static List<Hole> holes(Instant start, Instant end, List<Span> ranges, List<Hole> reported) {
        List<Hole> holes = new ArrayList<>();
        for (Span u : uncovered(start, end, ranges)) {
            explain(u.start(), u.end(), reported, holes);
        }
        return holes;
    }

    /** The stretches of [start, end) no range covers, in time order. @param ranges in time order */
    public static List<Span> uncovered(Instant start, Instant end, List<Span> ranges) {
        List<Span> uncovered = new ArrayList<>();
        Instant at = start;
        for (Span r : ranges) {
            if (r.start().isAfter(at)) {
                uncovered.add(new Span(at, r.start().isBefore(end) ? r.start() : end));
            }
            if (r.end().isAfter(at)) {
                at = r.end();
            }
        }
        if (end.isAfter(at)) {
            uncovered.add(new Span(at, end));
        }
        return uncovered;
    }

    private static void explain(Instant from, Instant to, List<Hole> reported, List<Hole> out) {
        Instant at = from;
        for (Hole g : reported) {
            if (!g.end().isAfter(at) || !g.start().isBefore(to)) {
                continue;
            }
            Instant s = g.start().isAfter(at) ? g.start() : at;
            Instant e = g.end().isBefore(to) ? g.end() : to;
            if (s.isAfter(at)) {
                out.add(new Hole(at, s, NOT_RECORDED));
            }
            out.add(new Hole(s, e, g.reason()));
            at = e;
        }
        if (to.isAfter(at)) {
            out.add(new Hole(at, to, NOT_RECORDED));
        }
    }
}
