package ae.rta.cctv.playback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An HLS VOD playlist that plays a time range straight from stored fragmented-MP4 segments, without transmuxing:
 * each stored file's init section is its {@code EXT-X-MAP} (a byte range), and each HLS segment is a byte range of
 * whole fragments (a fragment starts at a keyframe), about {@code targetMillis} long. The first HLS segment starts at
 * the keyframe at or before the range's start, so playback begins within one group of pictures of it. Every stored
 * file restarts its timestamps, so each begins with {@code EXT-X-DISCONTINUITY}; {@code EXT-X-PROGRAM-DATE-TIME}
 * on every segment tells the player the wall-clock time. Time without footage is left out (the player moves on to
 * the next footage at once instead of stalling) and listed in the {@link Rendered#gaps()}.
 */
public final class VodPlaylist {

    private VodPlaylist() {
    }

    /** A fragment of a stored file: its start relative to the file's, its length, where its bytes are. */
    public record Fragment(long offsetMs, long durationMs, long byteOffset, long size, boolean keyframe) {
    }

    /**
     * A stored file: when it starts, where to fetch it, how long its init section is, and its fragments; and what it
     * is (its index id, end, size and SHA-256) for the provenance of exports.
     */
    public record StoredSegment(Instant start, String url, long initSize, List<Fragment> fragments, String id, Instant end,
            long bytes, String sha256) {

        public StoredSegment(Instant start, String url, long initSize, List<Fragment> fragments) {
            this(start, url, initSize, fragments, null, null, 0, null);
        }
    }

    /** A stretch of the range the playlist has no footage for. */
    public record Hole(Instant start, Instant end) {
    }

    /**
     * The playlist, how much media it lists, and where its holes are.
     *
     * @param mediaStart when its first segment starts (the keyframe at or before the range's start), null when empty
     */
    public record Rendered(String text, long mediaMillis, int segments, List<Hole> gaps, Instant mediaStart) {

        /** How long the holes inside the range are, in all. */
        public long gapMillis() {
            return gaps.stream().mapToLong(h -> h.end().toEpochMilli() - h.start().toEpochMilli()).sum();
        }
    }

    /** @param segments stored files in time order, overlapping [{@code from}, {@code to}) */
    public static Rendered render(List<StoredSegment> segments, Instant from, Instant to, long targetMillis) {
        List<Entry> entries = new ArrayList<>();
        for (StoredSegment s : segments) {
            entries.addAll(entries(s, from, to, targetMillis));
        }
        long longest = entries.stream().mapToLong(Entry::durationMs).max().orElse(targetMillis);
        int urlLength = segments.isEmpty() ? 0 : segments.get(0).url().length();
        StringBuilder out = new StringBuilder(256 + entries.size() * (urlLength + 110) + segments.size() * (urlLength + 60));
        out.append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                .append("#EXT-X-TARGETDURATION:").append((longest + 999) / 1000).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n");
        List<Hole> holes = new ArrayList<>();
        Instant covered = from;
        StoredSegment file = null;
        long media = 0;
        for (Entry e : entries) {
            if (e.file != file) {
                if (file != null) {
                    out.append("#EXT-X-DISCONTINUITY\n");
                }
                out.append("#EXT-X-MAP:URI=\"").append(e.file.url()).append("\",BYTERANGE=\"")
                        .append(e.file.initSize()).append("@0\"\n");
                file = e.file;
            }
            if (e.start.isAfter(covered.plusMillis(1500))) {
                holes.add(new Hole(covered, e.start));
            }
            out.append("#EXT-X-PROGRAM-DATE-TIME:");
            appendDateTime(out, e.start.toEpochMilli());
            out.append("\n#EXTINF:");
            appendSeconds(out, e.durationMs);
            out.append(",\n#EXT-X-BYTERANGE:").append(e.size).append('@').append(e.byteOffset).append('\n')
                    .append(e.file.url()).append('\n');
            covered = max(covered, e.start.plusMillis(e.durationMs));
            media += e.durationMs;
        }
        if (to.isAfter(covered.plusMillis(1500))) {
            holes.add(new Hole(covered, to));
        }
        out.append("#EXT-X-ENDLIST\n");
        return new Rendered(out.toString(), media, entries.size(), holes, entries.isEmpty() ? null : entries.get(0).start);
    }

    private record Entry(StoredSegment file, Instant start, long durationMs, long byteOffset, long size) {
    }

    /* One stored file's HLS segments within the range: runs of whole fragments from a keyframe, about target long. */
    private static List<Entry> entries(StoredSegment s, Instant from, Instant to, long targetMillis) {
        List<Fragment> fragments = s.fragments();
        long fromMs = from.toEpochMilli() - s.start().toEpochMilli();
        long toMs = to.toEpochMilli() - s.start().toEpochMilli();
        int first = -1;
        for (int i = 0; i < fragments.size(); i++) {
            Fragment f = fragments.get(i);
            if (f.offsetMs() + f.durationMs() <= fromMs) {
                continue;
            }
            if (f.offsetMs() >= toMs) {
                break;
            }
            if (first < 0) {
                first = i;
                while (first > 0 && !fragments.get(first).keyframe()) {
                    first--; // a player can only start at a keyframe
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        if (first < 0) {
            return entries;
        }
        int i = first;
        while (i < fragments.size() && fragments.get(i).offsetMs() < toMs) {
            Fragment head = fragments.get(i);
            long duration = 0;
            long size = 0;
            int j = i;
            do {
                Fragment f = fragments.get(j);
                duration += f.durationMs();
                size += f.size();
                j++;
            } while (j < fragments.size() && fragments.get(j).offsetMs() < toMs
                    && (duration < targetMillis || !fragments.get(j).keyframe()));
            entries.add(new Entry(s, s.start().plusMillis(head.offsetMs()), duration, head.byteOffset(), size));
            i = j;
        }
        return entries;
    }

    /*
     * The playlist of an hour has about a thousand segments, and java.time's formatters and String.format were most of
     * its rendering time: these two write the same text directly.
     */

    /** {@code millis} since the epoch as {@code 2026-10-01T08:00:04.040Z} (ISO 8601, UTC, milliseconds). */
    static void appendDateTime(StringBuilder out, long millis) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, java.time.ZoneOffset.UTC);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, (int) Math.floorMod(millis, 1000), 3).append('Z');
    }

    /** A non-negative duration in milliseconds as seconds with three decimals ({@code 4.040}). */
    static void appendSeconds(StringBuilder out, long millis) {
        out.append(millis / 1000).append('.');
        pad(out, (int) (millis % 1000), 3);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
