package ae.rta.cctv.playback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The HLS playlist of a range fetched from the upstream VMS: the cached pieces' segments, in time order, one
 * discontinuity and init section per piece (each piece is its own fetch, its timestamps start again), wall clock on
 * every segment. While a piece is still being fetched the playlist is an EVENT playlist that ends with that piece's
 * segments so far (players reload it and it only ever grows); once every piece is in, it is VOD with an end.
 */
public final class UpstreamPlaylist {

    private UpstreamPlaylist() {
    }

    /** One segment of a piece: its file and length. */
    public record Segment(String file, long durationMs) {
    }

    /**
     * A cached piece as it is on disk now.
     *
     * @param base the URL its files are fetched under ({@code base + "/" + file + query})
     * @param query the query appended to each file URL (a signature)
     * @param complete whether the fetch has ended (no more segments will come)
     */
    public record Piece(Instant start, List<Segment> segments, boolean complete, String base, String query) {
    }

    /** Parses the segments FFmpeg's HLS muxer has listed so far, and whether it has ended the list. */
    public static List<Segment> parse(String m3u8) {
        List<Segment> segments = new ArrayList<>();
        long pending = -1;
        for (String line : m3u8.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#EXTINF:")) {
                String value = l.substring(8);
                int comma = value.indexOf(',');
                pending = Math.round(Double.parseDouble(comma < 0 ? value : value.substring(0, comma)) * 1000);
            } else if (!l.isEmpty() && !l.startsWith("#") && pending >= 0) {
                segments.add(new Segment(l, pending));
                pending = -1;
            }
        }
        return segments;
    }

    /** The playlist text for [from, to). */
    public static String render(List<Piece> pieces, Instant from, Instant to) {
        StringBuilder body = new StringBuilder();
        long longest = 2000;
        boolean ended = true;
        boolean first = true;
        for (Piece p : pieces) {
            Instant at = p.start();
            boolean mapped = false;
            for (Segment s : p.segments()) {
                Instant end = at.plusMillis(s.durationMs());
                if (end.isAfter(from) && at.isBefore(to)) {
                    if (!mapped) {
                        if (!first) {
                            body.append("#EXT-X-DISCONTINUITY\n");
                        }
                        body.append("#EXT-X-MAP:URI=\"").append(p.base()).append("/init.mp4").append(p.query()).append("\"\n");
                        mapped = true;
                        first = false;
                    }
                    body.append("#EXT-X-PROGRAM-DATE-TIME:");
                    VodPlaylist.appendDateTime(body, at.toEpochMilli());
                    body.append("\n#EXTINF:");
                    VodPlaylist.appendSeconds(body, s.durationMs());
                    body.append(",\n").append(p.base()).append('/').append(s.file()).append(p.query()).append('\n');
                    longest = Math.max(longest, s.durationMs());
                }
                at = end;
            }
            if (!p.complete()) {
                ended = false;
                break; // later pieces wait until this one is whole: the playlist only ever grows at its end
            }
        }
        StringBuilder out = new StringBuilder(body.length() + 200);
        out.append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-PLAYLIST-TYPE:").append(ended ? "VOD" : "EVENT").append('\n')
                .append("#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-TARGETDURATION:").append((longest + 999) / 1000).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n").append(body);
        if (ended) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }
}
