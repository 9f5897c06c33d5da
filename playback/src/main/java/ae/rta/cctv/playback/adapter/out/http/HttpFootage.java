package ae.rta.cctv.playback.adapter.out.http;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.playback.application.port.out.Footage;
import ae.rta.cctv.playback.domain.Timeline;
import ae.rta.cctv.playback.domain.VodPlaylist.Fragment;
import ae.rta.cctv.playback.domain.VodPlaylist.StoredSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The storage service's {@code /internal/cameras/{camera}/recordings} and {@code .../playable}. */
public final class HttpFootage implements Footage {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HttpFootage.class);

    private final RestClient storage;

    public HttpFootage(RestClient storage) {
        this.storage = storage;
    }

    record Span(Instant start, Instant end, boolean imported) {
    }

    /* A gap row has no "imported": a primitive missing from the JSON fails Jackson 3's reading (FAIL_ON_NULL_FOR_PRIMITIVES). */
    record Gap(Instant start, Instant end, String reason) {
    }

    record Recordings(List<Span> ranges, Double coverage, List<Gap> gaps) {
    }

    record Decode(long timescale, long first, long end) {
    }

    record Segment(long id, Instant start, Instant end, long bytes, String sha256, String url, long initSize,
            List<long[]> fragments, boolean imported, String objectKey, String mediaUrl, String codec, Decode decode) {
    }

    record Playable(List<Segment> segments) {
    }

    @Override
    public Recorded recorded(CameraId camera, Instant from, Instant to) {
        try {
            Recordings r = storage.get().uri("/internal/cameras/{c}/recordings?start={s}&end={e}", camera.toString(), from, to)
                    .retrieve().body(Recordings.class);
            if (r == null) {
                return new Recorded(List.of(), 0, List.of());
            }
            return new Recorded(r.ranges() == null ? List.of() : r.ranges().stream().map(s -> new Timeline.Span(s.start(), s.end(), s.imported())).toList(),
                    r.coverage() == null ? 0 : r.coverage(),
                    r.gaps() == null ? List.of() : r.gaps().stream().map(g -> new Timeline.Hole(g.start(), g.end(), g.reason())).toList());
        } catch (RestClientException e) {
            log.warn("storage did not answer for the recordings of camera {}: {}", camera, e.toString());
            throw new UnavailableException("the storage service did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredSegment> playable(CameraId camera, Instant from, Instant to, Duration linkTtl) {
        Playable p;
        try {
            p = storage.get().uri("/internal/cameras/{c}/playable?start={s}&end={e}&ttlSeconds={t}", camera.toString(),
                    from, to, Math.max(60, Math.min(86_400, linkTtl.toSeconds()))).retrieve().body(Playable.class);
        } catch (RestClientException e) {
            log.warn("storage did not answer for the playable segments of camera {}: {}", camera, e.toString());
            throw new UnavailableException("the storage service did not answer: " + e.getMessage(), e);
        }
        List<StoredSegment> segments = new ArrayList<>();
        if (p == null || p.segments() == null) {
            return segments;
        }
        for (Segment s : p.segments()) {
            List<Fragment> fragments = new ArrayList<>(s.fragments().size());
            for (long[] f : s.fragments()) {
                fragments.add(new Fragment(f[0], f[1], f[2], f[3], f[4] != 0));
            }
            segments.add(new StoredSegment(s.start(), s.url(), s.initSize(), fragments, Long.toString(s.id()), s.end(), s.bytes(),
                    s.sha256(), s.imported(), s.objectKey(), s.mediaUrl(), s.codec(), decodeSpan(s.decode())));
        }
        return segments;
    }

    private static ae.rta.cctv.common.domain.DecodeSpan decodeSpan(Decode d) {
        try {
            return d == null ? null : new ae.rta.cctv.common.domain.DecodeSpan(d.timescale(), d.first(), d.end());
        } catch (IllegalArgumentException e) {
            return null; // not a span: the file plays after a discontinuity
        }
    }
}
