package ae.rta.cctv.playback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An HLS VOD playlist that plays a time range straight from stored fragmented-MP4 segments, without transmuxing:
 * each stored file's init section is its {@code EXT-X-MAP} (a byte range), and each HLS segment is a byte range of
 * whole fragments (a fragment starts at a keyframe), about {@code targetMillis} long. The first HLS segment starts at
 * the keyframe at or before the range's start, so playback begins within one group of pictures of it. The files of
 * one recording run continue one decode timeline ({@link ae.rta.cctv.common.domain.DecodeSpan}) and follow each other
 * without a discontinuity (a new {@code EXT-X-MAP} only); {@code EXT-X-DISCONTINUITY} stands where the timeline
 * restarts: at a hole, a new run, a codec change, or a fetched piece. {@code EXT-X-PROGRAM-DATE-TIME}
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
     * A stored file: when it starts, where to fetch it, how long its init section is, and its fragments; what it is
     * (its index id, end, size and SHA-256, whether it was imported) for the provenance of exports; and its object key
     * and unsigned media link, of which players' links sign byte ranges.
     *
     * @param url a link to the whole file, for services reading it themselves
     */
    public record StoredSegment(Instant start, String url, long initSize, List<Fragment> fragments, String id, Instant end,
            long bytes, String sha256, boolean imported, String objectKey, String mediaUrl, String codec,
            ae.rta.cctv.common.domain.DecodeSpan decode) {

        public StoredSegment(Instant start, String url, long initSize, List<Fragment> fragments) {
            this(start, url, initSize, fragments, null, null, 0, null, false, null, null, null, null);
        }

        /**
         * Whether {@code next} continues this file's stream: same codec and init size, its decode time starting where
         * this one's ends. Unknown decode times (files indexed before they were kept) never continue.
         */
        boolean continuedBy(StoredSegment next) {
            return decode != null && decode.continuedBy(next.decode) && initSize == next.initSize
                    && java.util.Objects.equals(codec, next.codec);
        }
    }

    /** How a playlist links bytes {@code [offset, offset + size)} of a stored file. */
    @FunctionalInterface
    public interface MediaLinks {
        String link(StoredSegment file, long offset, long size);
    }

    /** Every range linked as the whole file's link, fetched with a Range header (for services reading footage). */
    public static final MediaLinks WHOLE_FILES = (file, offset, size) -> file.url();

    /** A stretch of the range the playlist has no footage for. */
    public record Hole(Instant start, Instant end) {
    }

    /**
     * The playlist, how much media it lists, and where its holes are.
     *
     * @param mediaStart when its first segment starts (the keyframe at or before the range's start), null when empty
     * @param filledMillis how much of the listed media was fetched from the upstream VMS into holes of stored footage
     * @param complete false when the playlist stops at a piece still being fetched (an EVENT playlist: reload it)
     */
    public record Rendered(String text, long mediaMillis, int segments, List<Hole> gaps, Instant mediaStart, long filledMillis,
            boolean complete) {

        /** How long the holes inside the range are, in all. */
        public long gapMillis() {
            return gaps.stream().mapToLong(h -> h.end().toEpochMilli() - h.start().toEpochMilli()).sum();
        }
    }

    /** Holes shorter than this are frame-timing jitter between stored files, not missing footage. */
    private static final long HOLE_TOLERANCE_MS = 1500;

    /** @param segments stored files in time order, overlapping [{@code from}, {@code to}) */
    public static Rendered render(List<StoredSegment> segments, Instant from, Instant to, long targetMillis) {
        return render(segments, hole -> List.of(), WHOLE_FILES, from, to, targetMillis);
    }

    /** As {@link #render(List, java.util.function.Function, MediaLinks, Instant, Instant, long)}, whole-file links. */
    public static Rendered render(List<StoredSegment> segments, java.util.function.Function<Hole, List<UpstreamPlaylist.Piece>> fills,
            Instant from, Instant to, long targetMillis) {
        return render(segments, fills, WHOLE_FILES, from, to, targetMillis);
    }

    /**
     * The playlist of stored footage with holes filled from pieces fetched from the upstream VMS: a fetched segment
     * is listed when its middle lies in its hole. Each piece is its own fetch (an init section and a discontinuity of
     * its own). While a piece of a hole is still being fetched, the playlist ends with what that hole has so far and
     * is an EVENT playlist: a reload only ever adds to its end, until every piece is in and it is VOD.
     *
     * @param fills the fetched pieces covering a hole of the stored footage, in time order (none: the hole stays)
     * @param links how each byte range of a stored file (its init section, each HLS segment) is linked
     */
    public static Rendered render(List<StoredSegment> segments, java.util.function.Function<Hole, List<UpstreamPlaylist.Piece>> fills,
            MediaLinks links, Instant from, Instant to, long targetMillis) {
        List<Entry> entries = stored(segments, links, from, to, targetMillis);
        Hole waitingFor = null;
        for (Hole h : holes(entries, from, to)) {
            for (UpstreamPlaylist.Piece p : fills.apply(h)) {
                Instant at = p.start();
                for (UpstreamPlaylist.Segment f : p.segments()) {
                    Instant middle = at.plusMillis(f.durationMs() / 2);
                    if (!middle.isBefore(h.start()) && middle.isBefore(h.end())) {
                        entries.add(new Entry(p, p.base() + "/init.mp4" + p.query(), -1, at, f.durationMs(),
                                p.base() + "/" + f.file() + p.query(), -1, -1));
                    }
                    at = at.plusMillis(f.durationMs());
                }
                if (!p.complete()) {
                    waitingFor = h; // later pieces of this hole would land before what this one has yet to bring
                    break;
                }
            }
            if (waitingFor != null) {
                break;
            }
        }
        entries.sort(java.util.Comparator.comparing(Entry::start)); // stable: stored footage first at equal times
        long longest = entries.stream().mapToLong(Entry::durationMs).max().orElse(targetMillis);
        int urlLength = entries.isEmpty() ? 0 : entries.get(0).uri().length();
        StringBuilder body = new StringBuilder(256 + entries.size() * (urlLength + 110));
        List<Entry> listed = new ArrayList<>(entries.size());
        long media = 0;
        long filled = 0;
        for (Entry e : entries) {
            boolean fetched = !(e.source instanceof StoredSegment);
            boolean discontinuity = false;
            if (waitingFor != null && !e.start.isBefore(waitingFor.start()) && !(fetched && e.start.isBefore(waitingFor.end()))) {
                break; // nothing after the hole still being fetched, for now
            }
            Entry last = listed.isEmpty() ? null : listed.getLast();
            if (last == null || e.source != last.source) {
                if (last != null && !continues(last, e)) {
                    body.append("#EXT-X-DISCONTINUITY\n");
                    discontinuity = true;
                }
                body.append("#EXT-X-MAP:URI=\"").append(e.mapUri);
                if (e.mapSize >= 0) {
                    body.append("\",BYTERANGE=\"").append(e.mapSize).append("@0");
                }
                body.append("\"\n");
            }
            body.append("#EXT-X-PROGRAM-DATE-TIME:");
            appendDateTime(body, e.start.toEpochMilli());
            body.append("\n#EXTINF:");
            appendSeconds(body, e.durationMs);
            body.append(",\n");
            if (discontinuity && e.source instanceof StoredSegment s && e.size >= 0 && e.byteOffset == s.initSize()) {
                // The first segment after a discontinuity carries its file's init section as well as the EXT-X-MAP
                // naming it: VLC 3 builds a new demuxer at a discontinuity but does not fetch the new EXT-X-MAP, and
                // stopped there ("no moov before mdat"). A byte stream that repeats the init is valid MSE input, and
                // FFmpeg skips the repeated moov (both checked in PlaybackFlowTest).
                body.append("#EXT-X-BYTERANGE:").append(e.size + e.byteOffset).append("@0\n")
                        .append(links.link(s, 0, e.size + e.byteOffset)).append('\n');
            } else {
                if (e.size >= 0) {
                    body.append("#EXT-X-BYTERANGE:").append(e.size).append('@').append(e.byteOffset).append('\n');
                }
                body.append(e.uri).append('\n');
            }
            listed.add(e);
            media += e.durationMs;
            if (fetched) {
                filled += e.durationMs;
            }
        }
        boolean complete = waitingFor == null;
        StringBuilder out = new StringBuilder(body.length() + 200);
        out.append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-PLAYLIST-TYPE:").append(complete ? "VOD" : "EVENT")
                .append("\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-TARGETDURATION:").append((longest + 999) / 1000)
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n").append(body);
        if (complete) {
            out.append("#EXT-X-ENDLIST\n");
        }
        Instant listedTo = complete || listed.isEmpty() ? to : listed.getLast().start().plusMillis(listed.getLast().durationMs());
        return new Rendered(out.toString(), media, listed.size(), holes(listed, from, listedTo),
                listed.isEmpty() ? null : listed.get(0).start, filled, complete);
    }

    /* Whether next, of another file, goes on from last with no discontinuity: the next file of the same run, right after. */
    private static boolean continues(Entry last, Entry next) {
        return last.source instanceof StoredSegment before && next.source instanceof StoredSegment after
                && before.continuedBy(after)
                && Math.abs(next.start.toEpochMilli() - last.start.plusMillis(last.durationMs).toEpochMilli()) <= HOLE_TOLERANCE_MS;
    }

    /* The stretches of [from, to) no entry covers, beyond the tolerance. Entries in time order. */
    private static List<Hole> holes(List<Entry> entries, Instant from, Instant to) {
        List<Hole> holes = new ArrayList<>();
        Instant covered = from;
        for (Entry e : entries) {
            if (e.start.isAfter(covered.plusMillis(HOLE_TOLERANCE_MS))) {
                holes.add(new Hole(covered, e.start));
            }
            covered = max(covered, e.start.plusMillis(e.durationMs));
        }
        if (to.isAfter(covered.plusMillis(HOLE_TOLERANCE_MS))) {
            holes.add(new Hole(covered, to));
        }
        return holes;
    }

    /**
     * One HLS segment: a byte range of a stored file ({@code size >= 0}, its init section a byte range too) or a whole
     * file of a fetched piece ({@code size} and {@code mapSize} -1). {@code source} is what it comes from: a new one
     * starts a discontinuity.
     */
    private record Entry(Object source, String mapUri, long mapSize, Instant start, long durationMs, String uri, long byteOffset,
            long size) {
    }

    private static List<Entry> stored(List<StoredSegment> segments, MediaLinks links, Instant from, Instant to,
            long targetMillis) {
        List<Entry> entries = new ArrayList<>();
        for (StoredSegment s : segments) {
            entries.addAll(entries(s, links, from, to, targetMillis));
        }
        return entries;
    }

    /* One stored file's HLS segments within the range: runs of whole fragments from a keyframe, about target long. */
    private static List<Entry> entries(StoredSegment s, MediaLinks links, Instant from, Instant to, long targetMillis) {
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
        String map = links.link(s, 0, s.initSize());
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
            entries.add(new Entry(s, map, s.initSize(), s.start().plusMillis(head.offsetMs()), duration,
                    links.link(s, head.byteOffset(), size), head.byteOffset(), size));
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
