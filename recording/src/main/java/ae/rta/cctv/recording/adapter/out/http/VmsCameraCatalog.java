package ae.rta.cctv.recording.adapter.out.http;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.recording.application.port.out.CameraCatalog;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The vms service's cameras and stream URLs. */
public final class VmsCameraCatalog implements CameraCatalog {

    private final RestClient vms;

    public VmsCameraCatalog(RestClient vms) {
        this.vms = vms;
    }

    record Item(String id, Boolean audioEnabled) {
    }

    record Items(List<Item> items) {
    }

    record StreamJson(String url, String transport, Boolean audio, String audioCodec) {
    }

    @Override
    public List<Listed> cameras() {
        try {
            Items items = vms.get().uri("/internal/cameras").retrieve().body(Items.class);
            return items == null ? List.of() : items.items().stream()
                    .map(i -> new Listed(CameraId.parse(i.id()), Boolean.TRUE.equals(i.audioEnabled()))).toList();
        } catch (RestClientException e) {
            throw new CatalogUnavailableException("the vms service did not answer", e);
        }
    }

    @Override
    public Stream stream(CameraId camera) {
        try {
            StreamJson stream = vms.get().uri("/internal/cameras/{id}/stream?variant=main", camera.toString()).retrieve()
                    .body(StreamJson.class);
            if (stream == null || stream.url() == null) {
                throw new CatalogUnavailableException("the vms service gave no stream URL", null);
            }
            return new Stream(stream.url(), stream.transport() == null ? "auto" : stream.transport(),
                    Boolean.TRUE.equals(stream.audio()), stream.audioCodec());
        } catch (RestClientException e) {
            throw new CatalogUnavailableException("the vms service did not give the stream URL", e);
        }
    }
}
