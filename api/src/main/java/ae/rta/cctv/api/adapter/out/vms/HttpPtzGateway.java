package ae.rta.cctv.api.adapter.out.vms;

import ae.rta.cctv.api.adapter.out.http.HttpServiceGateway;
import ae.rta.cctv.api.application.port.out.PtzGateway;
import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.CameraId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.client.RestClient;

/** PTZ over the vms service's internal routes; the caller travels in the {@code X-Cctv-Actor*} headers. */
public final class HttpPtzGateway implements PtzGateway {

    private final HttpServiceGateway vms;

    public HttpPtzGateway(RestClient vms) {
        this.vms = new HttpServiceGateway("vms", vms);
    }

    @Override
    public Map<String, Object> move(CameraId camera, Map<String, Object> command, Caller caller) {
        return call(() -> vms.call("POST", "/internal/cameras/" + camera + "/ptz", command, actor(caller)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> presets(CameraId camera) {
        Map<String, Object> body = call(() -> vms.call("GET", "/internal/cameras/" + camera + "/ptz/presets", null, Map.of()));
        return (List<Map<String, Object>>) body.get("items");
    }

    @Override
    public Map<String, Object> setPreset(CameraId camera, String name, boolean takeOver, Caller caller) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("takeOver", takeOver);
        return call(() -> vms.call("POST", "/internal/cameras/" + camera + "/ptz/presets", body, actor(caller)));
    }

    @Override
    public void removePreset(CameraId camera, String token, Caller caller) {
        call(() -> vms.call("DELETE", "/internal/cameras/" + camera + "/ptz/presets/{token}", null, actor(caller), token));
    }

    @Override
    public Map<String, Object> lock(CameraId camera) {
        return call(() -> vms.call("GET", "/internal/cameras/" + camera + "/ptz/lock", null, Map.of()));
    }

    @Override
    public void release(CameraId camera, Caller caller) {
        call(() -> vms.call("DELETE", "/internal/cameras/" + camera + "/ptz/lock", null, actor(caller)));
    }

    private static Map<String, String> actor(Caller caller) {
        return Map.of("X-Cctv-Actor", caller.subject(), "X-Cctv-Actor-Name", caller.username(),
                "X-Cctv-Actor-Admin", Boolean.toString(caller.role() == Role.ADMIN));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceGateway.UnavailableException e) {
            throw new UnavailableException(e);
        }
    }
}
