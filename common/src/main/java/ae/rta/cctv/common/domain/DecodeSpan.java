package ae.rta.cctv.common.domain;

/**
 * Where a stored file's video sits on its recording run's decode timeline: the recorder writes the files of one run so
 * that each starts where the one before it ends ({@code tfdt} continues, see {@code SegmentList.muxerArgs}). Two files
 * that continue each other play as one stream: an HLS playlist lists them without {@code EXT-X-DISCONTINUITY} (RFC 8216
 * 4.3.2.3 asks for one only where the timestamp sequence, format or tracks change), which players that stop or
 * re-buffer at a discontinuity (VLC 3) need.
 *
 * @param timescale units per second of {@code first} and {@code end}
 * @param first the first fragment's decode time
 * @param end where the last fragment ends
 */
public record DecodeSpan(long timescale, long first, long end) {

    /** How far apart one file's end and the next one's start may be and still continue it: under one frame at 10 fps. */
    private static final long TOLERANCE_MS = 100;

    public DecodeSpan {
        if (timescale <= 0 || first < 0 || end < first) {
            throw new IllegalArgumentException("a decode span needs a positive timescale and 0 <= first <= end");
        }
    }

    /** Whether {@code next} starts where this ends, on the same timescale. */
    public boolean continuedBy(DecodeSpan next) {
        return next != null && next.timescale == timescale && Math.abs(next.first - end) * 1000 <= TOLERANCE_MS * timescale;
    }
}
