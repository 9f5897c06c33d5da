package ae.rta.cctv.live.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Low-Latency HLS view of one live pull (RFC 8216bis): the stream's fMP4 fragments grouped into partial segments
 * of about {@code partTarget} and segments that start at a keyframe once {@code minSegment} has passed (or are cut at
 * {@code maxSegment} whatever comes), no media copied but each part's and segment's bytes joined once when it
 * completes. Keeps the newest {@code keepSegments} segments, the parts of the newest {@code keepPartSegments}, and
 * tells waiters (blocking playlist reloads and preload-hinted part requests) when what they wait for exists.
 */
public final class LlHlsWindow {

    /** @param maxSegment also the playlist's target duration (whole seconds, at least 1) */
    public record Settings(long partTargetNanos, long minSegmentNanos, long maxSegmentNanos, int keepSegments,
            int keepPartSegments) {
        public Settings {
            if (partTargetNanos <= 0 || minSegmentNanos < partTargetNanos || maxSegmentNanos < minSegmentNanos
                    || keepSegments < 3 || keepPartSegments < 1 || keepPartSegments > keepSegments) {
                throw new IllegalArgumentException("LL-HLS window settings are inconsistent");
            }
        }

        public static Settings defaults() {
            return new Settings(200_000_000L, 1_000_000_000L, 4_000_000_000L, 7, 3);
        }

        long targetDurationSeconds() {
            return Math.max(1, (maxSegmentNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    /** Where a requested piece stands. */
    public enum Availability {
        /** It exists (or existed and is still kept). */
        READY,
        /** Not yet, but soon enough to wait for. */
        PENDING,
        /** Too far ahead, or gone. */
        UNAVAILABLE
    }

    private static final class Part {
        final List<Fragment> fragments = new ArrayList<>();
        final boolean independent;
        long durationNanos;
        ByteBuffer bytes;

        Part(boolean independent) {
            this.independent = independent;
        }
    }

    private static final class Segment {
        final long msn;
        final InitSection init;
        final boolean discontinuity;
        final long firstIngestEpochMillis;
        final List<Part> parts = new ArrayList<>();
        long durationNanos;
        ByteBuffer bytes;

        Segment(long msn, InitSection init, boolean discontinuity, long firstIngestEpochMillis) {
            this.msn = msn;
            this.init = init;
            this.discontinuity = discontinuity;
            this.firstIngestEpochMillis = firstIngestEpochMillis;
        }

        boolean complete() {
            return bytes != null;
        }
    }

    private record Waiter(long msn, int part, Runnable ready) {
    }

    private final Settings settings;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private InitSection init;
    private Segment current;
    private Part part;
    private long nextMsn;
    private long discontinuitySequence;
    private boolean discontinuityPending;
    private boolean closed;

    public LlHlsWindow(Settings settings) {
        this.settings = settings;
    }

    /** A new upstream session: the next segment starts with its init section, after a discontinuity. */
    public synchronized void restart(InitSection section) {
        if (current != null) {
            completeSegment();
        }
        discontinuityPending = init != null;
        init = section;
    }

    public synchronized void add(Fragment fragment) {
        if (init == null || fragment.init() != init) {
            return;
        }
        if (current == null) {
            if (!fragment.keyframe()) {
                return; // a segment starts at a keyframe
            }
            startSegment(fragment);
        } else if ((fragment.keyframe() && current.durationNanos >= settings.minSegmentNanos())
                || current.durationNanos + fragment.durationNanos() > settings.maxSegmentNanos()) {
            completeSegment();
            startSegment(fragment);
        } else if (part == null) {
            part = new Part(fragment.keyframe());
            current.parts.add(part);
        }
        part.fragments.add(fragment);
        part.durationNanos += fragment.durationNanos();
        current.durationNanos += fragment.durationNanos();
        if (part.durationNanos + fragment.durationNanos() > settings.partTargetNanos()) {
            completePart();
        }
    }

    private void startSegment(Fragment first) {
        current = new Segment(nextMsn++, init, discontinuityPending, first.ingestEpochMillis());
        discontinuityPending = false;
        part = new Part(first.keyframe());
        current.parts.add(part);
        segments.addLast(current);
        while (segments.size() > settings.keepSegments()) {
            Segment dropped = segments.removeFirst();
            if (dropped.discontinuity) {
                discontinuitySequence++;
            }
        }
        int withParts = 0;
        for (Iterator<Segment> it = segments.descendingIterator(); it.hasNext(); ) {
            Segment s = it.next();
            if (++withParts > settings.keepPartSegments() && !s.parts.isEmpty() && s.complete()) {
                s.parts.forEach(p -> p.fragments.clear()); // keep durations for nothing else: parts are no longer listed
                s.parts.clear();
            }
        }
    }

    private void completePart() {
        part.bytes = join(part.fragments);
        part = null;
        notifyWaiters();
    }

    private void completeSegment() {
        if (part != null && !part.fragments.isEmpty()) {
            part.bytes = join(part.fragments);
        } else if (part != null) {
            current.parts.remove(part);
        }
        part = null;
        List<Fragment> all = new ArrayList<>();
        current.parts.forEach(p -> all.addAll(p.fragments));
        current.bytes = join(all);
        current = null;
        notifyWaiters();
    }

    private static ByteBuffer join(List<Fragment> fragments) {
        int size = 0;
        for (Fragment f : fragments) {
            size += f.size();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (Fragment f : fragments) {
            out.put(f.bytes().duplicate());
        }
        return out.flip().asReadOnlyBuffer();
    }

    /**
     * Whether the playlist holds segment {@code msn} complete ({@code part} &lt; 0) or its part {@code part}: what a
     * blocking reload ({@code _HLS_msn}, {@code _HLS_part}) waits for. Two segments ahead of the newest is too far.
     */
    public synchronized Availability playlistHas(long msn, int part) {
        if (closed) {
            return Availability.UNAVAILABLE;
        }
        Segment newest = segments.peekLast();
        long newestMsn = newest == null ? -1 : newest.msn;
        if (msn > newestMsn + 2) {
            return Availability.UNAVAILABLE;
        }
        Segment s = find(msn);
        if (s == null) {
            return msn < nextMsn - settings.keepSegments() ? Availability.READY : Availability.PENDING;
        }
        if (part < 0) {
            return s.complete() ? Availability.READY : Availability.PENDING;
        }
        if (s.complete() && part >= s.parts.size()) {
            return Availability.READY; // the part index runs past the segment: it was its last; the next exists
        }
        return part < s.parts.size() && s.parts.get(part).bytes != null ? Availability.READY : Availability.PENDING;
    }

    /** Calls {@code ready} once {@link #playlistHas} is no longer PENDING (at once if it is not now). */
    public synchronized void await(long msn, int part, Runnable ready) {
        if (playlistHas(msn, part) != Availability.PENDING) {
            ready.run();
            return;
        }
        waiters.add(new Waiter(msn, part, ready));
    }

    private void notifyWaiters() {
        List<Runnable> due = new ArrayList<>();
        waiters.removeIf(w -> {
            if (playlistHas(w.msn(), w.part()) != Availability.PENDING) {
                due.add(w.ready());
                return true;
            }
            return false;
        });
        due.forEach(Runnable::run);
    }

    public synchronized Optional<ByteBuffer> part(long msn, int index) {
        Segment s = find(msn);
        if (s == null || index < 0 || index >= s.parts.size() || s.parts.get(index).bytes == null) {
            return Optional.empty();
        }
        return Optional.of(s.parts.get(index).bytes.duplicate());
    }

    public synchronized Optional<ByteBuffer> segment(long msn) {
        Segment s = find(msn);
        return s == null || !s.complete() ? Optional.empty() : Optional.of(s.bytes.duplicate());
    }

    public synchronized Optional<InitSection> init(int generation) {
        for (Segment s : segments) {
            if (s.init.generation() == generation) {
                return Optional.of(s.init);
            }
        }
        return init != null && init.generation() == generation ? Optional.of(init) : Optional.empty();
    }

    /** Whether the window holds a segment yet: a playlist needs one. */
    public synchronized boolean started() {
        return !segments.isEmpty();
    }

    private Segment find(long msn) {
        for (Segment s : segments) {
            if (s.msn == msn) {
                return s;
            }
        }
        return null;
    }

    /**
     * The media playlist. Every URI is relative to the playlist's own and ends with {@code query} (the signed
     * parameters, without the leading question mark).
     */
    public synchronized String playlist(String query) {
        long target = settings.targetDurationSeconds();
        double partTarget = settings.partTargetNanos() / 1e9;
        StringBuilder m = new StringBuilder(4096);
        m.append("#EXTM3U\n#EXT-X-VERSION:9\n");
        m.append("#EXT-X-TARGETDURATION:").append(target).append('\n');
        m.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=").append(seconds(3 * settings.partTargetNanos()))
                .append('\n');
        m.append("#EXT-X-PART-INF:PART-TARGET=").append(String.format(Locale.ROOT, "%.3f", partTarget)).append('\n');
        Segment first = segments.peekFirst();
        m.append("#EXT-X-MEDIA-SEQUENCE:").append(first == null ? nextMsn : first.msn).append('\n');
        if (discontinuitySequence > 0) {
            m.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitySequence).append('\n');
        }
        InitSection mapped = null;
        for (Segment s : segments) {
            if (s.discontinuity && mapped != null) {
                m.append("#EXT-X-DISCONTINUITY\n");
            }
            if (s.init != mapped) {
                m.append("#EXT-X-MAP:URI=\"init/").append(s.init.generation()).append(".mp4?").append(query).append("\"\n");
                mapped = s.init;
            }
            m.append("#EXT-X-PROGRAM-DATE-TIME:")
                    .append(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(s.firstIngestEpochMillis))).append('\n');
            for (int i = 0; i < s.parts.size(); i++) {
                Part p = s.parts.get(i);
                if (p.bytes == null) {
                    break;
                }
                m.append("#EXT-X-PART:DURATION=").append(seconds(p.durationNanos)).append(",URI=\"part/").append(s.msn)
                        .append('.').append(i).append(".m4s?").append(query).append('"');
                if (p.independent) {
                    m.append(",INDEPENDENT=YES");
                }
                m.append('\n');
            }
            if (s.complete()) {
                m.append("#EXTINF:").append(seconds(s.durationNanos)).append(",\nseg/").append(s.msn).append(".m4s?")
                        .append(query).append('\n');
            }
        }
        Segment last = segments.peekLast();
        if (last != null) {
            long hintMsn = last.complete() ? last.msn + 1 : last.msn;
            int hintPart = last.complete() ? 0 : (int) last.parts.stream().filter(p -> p.bytes != null).count();
            m.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"part/").append(hintMsn).append('.').append(hintPart)
                    .append(".m4s?").append(query).append("\"\n");
        }
        return m.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** The pull stopped: every waiter is let go (and finds nothing). */
    public synchronized void close() {
        closed = true;
        List<Waiter> all = List.copyOf(waiters);
        waiters.clear();
        all.forEach(w -> w.ready().run());
    }
}
