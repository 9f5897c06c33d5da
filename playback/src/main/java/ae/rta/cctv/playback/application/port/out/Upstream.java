package ae.rta.cctv.playback.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.Optional;

/** The cameras' upstream VMS recordings (where they are replayed from, as the vms service says). */
public interface Upstream {

    /**
     * An RTSP replay of a past range.
     *
     * @param url the RTSP URL (credentials in its user-info, if any)
     * @param range the PLAY request's Range header value ({@code clock=...})
     * @param require the Require header every request needs ({@code onvif-replay}), or null
     */
    record Replay(String url, String range, String require) {
    }

    /** @return empty when the camera keeps no upstream recordings @throws Footage.UnavailableException */
    Optional<Replay> replay(CameraId camera, Instant start, Instant end);
}
