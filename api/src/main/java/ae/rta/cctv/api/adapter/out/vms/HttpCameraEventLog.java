package ae.rta.cctv.api.adapter.out.vms;

import ae.rta.cctv.api.application.port.out.CameraEventLog;
import ae.rta.cctv.common.client.ServiceProblems;
import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.List;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The vms service's {@code GET /internal/camera-events?camera=&from=&to=&kind=&limit=}. */
public final class HttpCameraEventLog implements CameraEventLog {

    record EventJson(long id, String kind, Boolean active, String status, String reason, Instant at) {
    }

    record EventsJson(List<EventJson> items) {
    }

    private final RestClient vms;

    public HttpCameraEventLog(RestClient vms) {
        this.vms = vms;
    }

    @Override
    public List<CameraEvent> events(CameraId camera, Instant from, Instant to, String kind, int limit) {
        EventsJson answer;
        try {
            answer = vms.get().uri("/internal/camera-events?camera={c}&from={f}&to={t}&kind={k}&limit={l}", camera.toString(),
                    from.toString(), to.toString(), kind == null ? "" : kind, limit).retrieve().body(EventsJson.class);
        } catch (HttpClientErrorException e) {
            throw ServiceProblems.passOn(e);
        } catch (RestClientException e) {
            throw new UnavailableException("the vms service did not answer", e);
        }
        if (answer == null || answer.items() == null) {
            return List.of();
        }
        return answer.items().stream().map(e -> new CameraEvent(e.id(), e.kind(), e.active(), e.status(), e.reason(),
                e.at())).toList();
    }
}
