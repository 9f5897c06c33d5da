package ae.rta.cctv.live.domain;

import java.nio.ByteBuffer;

/**
 * One fMP4 fragment ({@code moof}+{@code mdat}) of a live stream, shared read-only by every viewer.
 *
 * @param decodeTime the fragment's decode time in {@code init.timescale()} units
 * @param duration its duration in the same units
 * @param keyframe whether it starts with a keyframe: a player may begin here
 * @param ingestNanos {@link System#nanoTime()} when it was read from upstream
 * @param ingestEpochMillis wall-clock time of the same moment
 */
public record Fragment(ByteBuffer bytes, InitSection init, long decodeTime, long duration, boolean keyframe,
        long ingestNanos, long ingestEpochMillis) {

    public Fragment {
        bytes = bytes.asReadOnlyBuffer();
    }

    public int size() {
        return bytes.remaining();
    }

    public long durationNanos() {
        return duration * 1_000_000_000L / init.timescale();
    }

    /** Decode time in seconds, as a player's media clock shows it. */
    public double decodeSeconds() {
        return (double) decodeTime / init.timescale();
    }
}
