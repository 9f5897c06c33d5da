package ae.rta.cctv.live.adapter.out.http;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.live.application.port.out.CameraStreams;
import ae.rta.cctv.common.domain.StreamVariant;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The vms service's {@code /internal/cameras/{id}/stream}. */
public final class HttpCameraStreams implements CameraStreams {

    private final RestClient vms;

    public HttpCameraStreams(RestClient vms) {
        this.vms = vms;
    }

    record Stream(String url, String transport, Boolean audio, String audioCodec) {
    }

    record Listed(String id, Boolean audioEnabled) {
    }

    record Listing(java.util.List<Listed> items) {
    }

    @Override
    public java.util.Set<CameraId> audioKept() {
        try {
            Listing listing = vms.get().uri("/internal/cameras").retrieve().body(Listing.class);
            if (listing == null || listing.items() == null) {
                throw new UnavailableException("the vms service gave no camera list", null);
            }
            return listing.items().stream().filter(c -> Boolean.TRUE.equals(c.audioEnabled()))
                    .map(c -> CameraId.parse(c.id())).collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (RestClientException e) {
            throw new UnavailableException("the vms service did not answer", e);
        }
    }

    @Override
    public StreamSource locate(CameraId camera, StreamVariant variant) {
        try {
            Stream s = vms.get().uri("/internal/cameras/{id}/stream?variant={v}", camera.toString(),
                    variant.name().toLowerCase(Locale.ROOT)).retrieve().body(Stream.class);
            if (s == null || s.url() == null) {
                throw new UnavailableException("the vms service gave no stream URL", null);
            }
            return new StreamSource(s.url(), s.transport() == null ? "auto" : s.transport(),
                    Boolean.TRUE.equals(s.audio()), s.audioCodec());
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw new CameraGoneException("camera " + camera + " does not exist");
            }
            throw new UnavailableException("the vms service refused: " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new UnavailableException("the vms service did not answer", e);
        }
    }
}
