package ae.rta.cctv.common.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * FFmpeg's segment muxer as the system uses it (recording and import): fragmented-MP4 segments cut on keyframes,
 * and the segment list it writes ({@code -segment_list_type csv}), one line per finished segment:
 * {@code file,start,end} in stream seconds.
 */
public final class SegmentList {

    /** One finished segment. @param start @param end in stream seconds */
    public record Entry(String file, double start, double end) {

        /** Milliseconds from {@code zero} (the list's first start) to this segment's start. */
        public long startMillisFrom(double zero) {
            return Math.round((start - zero) * 1000);
        }

        /** Milliseconds from {@code zero} to this segment's end. */
        public long endMillisFrom(double zero) {
            return Math.round((end - zero) * 1000);
        }
    }

    private SegmentList() {
    }

    /**
     * The output options that make FFmpeg write {@code segmentSeconds} fragmented-MP4 segments to
     * {@code outputPattern} (e.g. {@code seg-%06d.mp4}) and list each finished one in {@code csv}. The files of one run
     * continue one decode timeline: each file's first {@code tfdt} is where the previous one ended ({@link ae.rta.cctv.common.domain.DecodeSpan}).
     * FFmpeg's mp4 muxer would shift every file to zero (it avoids negative timestamps that way when it writes no edit
     * list); {@code frag_discont} with {@code avoid_negative_ts=disabled} makes it write the stream's own decode time,
     * and the segment muxer keeps that non-negative for the run as a whole (checked with FFmpeg 5.1, B-frames too).
     */
    public static List<String> muxerArgs(long segmentSeconds, Path csv, String outputPattern) {
        return List.of("-avoid_negative_ts", "make_non_negative", "-f", "segment", "-segment_time", Long.toString(segmentSeconds),
                "-segment_format", "mp4", "-segment_format_options",
                "movflags=+frag_keyframe+empty_moov+default_base_moof+frag_discont:avoid_negative_ts=disabled",
                "-segment_list", csv.toString(), "-segment_list_type", "csv", outputPattern);
    }

    /** The segments listed so far; none when the list does not exist yet. Lines not of the list's form are skipped. */
    public static List<Entry> read(Path csv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(csv)) {
            return entries;
        }
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] parts = line.split(",");
            if (parts.length == 3) {
                try {
                    entries.add(new Entry(parts[0], Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
                } catch (NumberFormatException e) {
                    // a line being written: read again at the next look
                }
            }
        }
        return entries;
    }
}
