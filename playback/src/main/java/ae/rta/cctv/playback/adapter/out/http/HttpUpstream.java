package ae.rta.cctv.playback.adapter.out.http;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.playback.application.port.out.Footage;
import ae.rta.cctv.playback.application.port.out.Upstream;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The vms service's {@code /internal/cameras/{camera}/replay}. */
public final class HttpUpstream implements Upstream {

    private final RestClient vms;

    public HttpUpstream(RestClient vms) {
        this.vms = vms;
    }

    record ReplayJson(String url, String range, String require) {
    }

    @Override
    public Optional<Replay> replay(CameraId camera, Instant start, Instant end) {
        try {
            ReplayJson r = vms.get().uri("/internal/cameras/{c}/replay?start={s}&end={e}", camera.toString(), start, end)
                    .retrieve().body(ReplayJson.class);
            return r == null || r.url() == null ? Optional.empty() : Optional.of(new Replay(r.url(), r.range(), r.require()));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT || e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw new Footage.UnavailableException("the vms service refused the replay: " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new Footage.UnavailableException("the vms service did not answer: " + e.getMessage(), e);
        }
    }
}
