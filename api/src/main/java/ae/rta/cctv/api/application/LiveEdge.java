package ae.rta.cctv.api.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the footage a recorder is writing now to storage's answer of a camera's recordings: a range of its own from
 * the newest stored segment's end to now (clipped to the query), marked {@code "recording": true}, after the stored
 * ranges (which are what plays now), with the coverage counted again.
 */
final class LiveEdge {

    private LiveEdge() {
    }

    /**
     * @param stored storage's answer: {@code ranges} of {@code start}, {@code end}, {@code coverage}, {@code gaps}
     * @param writtenFrom where the recorder's segment in progress starts (the newest stored segment's end)
     */
    static Map<String, Object> add(Map<String, Object> stored, Instant writtenFrom, Instant start, Instant end,
            Instant now) {
        Instant edgeStart = writtenFrom.isBefore(start) ? start : writtenFrom;
        Instant edgeEnd = now.isBefore(end) ? now : end;
        if (!edgeEnd.isAfter(edgeStart)) {
            return stored;
        }
        List<Map<String, Object>> ranges = new ArrayList<>();
        if (stored.get("ranges") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    ranges.add(copy);
                }
            }
        }
        Map<String, Object> last = ranges.isEmpty() ? null : ranges.getLast();
        if (last != null) {
            Instant lastEnd = Instant.parse(String.valueOf(last.get("end")));
            if (lastEnd.isAfter(edgeStart)) {
                edgeStart = lastEnd; // storage's view is newer than the recording states the api last read
            }
        }
        if (!edgeEnd.isAfter(edgeStart)) {
            return stored;
        }
        // A range of its own, after the stored ones: what is stored (and plays now) stays told apart.
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("start", edgeStart.toString());
        edge.put("end", edgeEnd.toString());
        edge.put("recording", true);
        ranges.add(edge);
        long covered = 0;
        for (Map<String, Object> r : ranges) {
            Instant from = Instant.parse(String.valueOf(r.get("start")));
            Instant to = Instant.parse(String.valueOf(r.get("end")));
            from = from.isBefore(start) ? start : from;
            to = to.isAfter(end) ? end : to;
            covered += Math.max(0, Duration.between(from, to).toMillis());
        }
        Map<String, Object> answer = new LinkedHashMap<>(stored);
        answer.put("ranges", ranges);
        answer.put("coverage", Math.round(Math.min(1.0, covered / (double) Duration.between(start, end).toMillis())
                * 10_000) / 10_000.0);
        return answer;
    }
}
