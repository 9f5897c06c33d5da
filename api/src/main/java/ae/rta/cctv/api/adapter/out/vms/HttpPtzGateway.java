package ae.rta.cctv.api.adapter.out.vms;

import ae.rta.cctv.api.application.port.out.PtzGateway;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.client.ServiceProblems;
import ae.rta.cctv.common.domain.CameraId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** PTZ over the vms service's internal routes; the caller travels in the {@code X-Cctv-Actor*} headers. */
public final class HttpPtzGateway implements PtzGateway {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient vms;

    public HttpPtzGateway(RestClient vms) {
        this.vms = vms;
    }

    @Override
    public Map<String, Object> move(CameraId camera, Map<String, Object> command, Caller caller) {
        return call(() -> vms.post().uri("/internal/cameras/{id}/ptz", camera.toString()).headers(h -> actor(h, caller))
                .body(command).retrieve().body(JSON_OBJECT));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> presets(CameraId camera) {
        Map<String, Object> body = call(() -> vms.get().uri("/internal/cameras/{id}/ptz/presets", camera.toString())
                .retrieve().body(JSON_OBJECT));
        return (List<Map<String, Object>>) body.get("items");
    }

    @Override
    public Map<String, Object> setPreset(CameraId camera, String name, boolean takeOver, Caller caller) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("takeOver", takeOver);
        return call(() -> vms.post().uri("/internal/cameras/{id}/ptz/presets", camera.toString())
                .headers(h -> actor(h, caller)).body(body).retrieve().body(JSON_OBJECT));
    }

    @Override
    public void removePreset(CameraId camera, String token, Caller caller) {
        call(() -> vms.delete().uri("/internal/cameras/{id}/ptz/presets/{token}", camera.toString(), token)
                .headers(h -> actor(h, caller)).retrieve().toBodilessEntity());
    }

    @Override
    public Map<String, Object> lock(CameraId camera) {
        return call(() -> vms.get().uri("/internal/cameras/{id}/ptz/lock", camera.toString()).retrieve().body(JSON_OBJECT));
    }

    @Override
    public void release(CameraId camera, Caller caller) {
        call(() -> vms.delete().uri("/internal/cameras/{id}/ptz/lock", camera.toString()).headers(h -> actor(h, caller))
                .retrieve().toBodilessEntity());
    }

    private static void actor(org.springframework.http.HttpHeaders headers, Caller caller) {
        headers.set("X-Cctv-Actor", caller.subject());
        headers.set("X-Cctv-Actor-Name", caller.username());
        headers.set("X-Cctv-Actor-Admin", Boolean.toString(caller.role() == Role.ADMIN));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientErrorException e) {
            throw ServiceProblems.passOn(e);
        } catch (RestClientException e) {
            throw new UnavailableException(e);
        }
    }
}
