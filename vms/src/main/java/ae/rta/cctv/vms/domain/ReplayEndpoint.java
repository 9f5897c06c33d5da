package ae.rta.cctv.vms.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a camera's recorded video of a past range is fetched from upstream: an RTSP URL played with an absolute
 * clock range (ONVIF streaming, {@code Range: clock=20250114T163317Z-20250114T163417Z}), and whether the server needs
 * {@code Require: onvif-replay} on its requests.
 */
public record ReplayEndpoint(StreamEndpoint stream, Instant start, Instant end, boolean onvifReplay) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public ReplayEndpoint {
        Objects.requireNonNull(stream, "stream");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    /** The value of the RTSP {@code Range} header of the PLAY request. */
    public String rangeHeader() {
        return "clock=" + CLOCK.format(start) + "-" + CLOCK.format(end);
    }
}
