package ae.rta.cctv.api.adapter.out.vms;

import ae.rta.cctv.api.adapter.out.http.HttpServiceGateway;
import ae.rta.cctv.api.application.port.out.CameraDirectory;
import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ae.rta.cctv.common.client.ServiceProblems;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The vms service's cameras, held in memory and refreshed in the background every {@code refreshAfter}: reads cost
 * no call, and a vms outage serves the last known list for up to {@code staleFor}, then fails as unavailable.
 */
public final class VmsCameraDirectory implements CameraDirectory {

    private final RestClient vms;
    private final HttpServiceGateway writes;
    private final ae.rta.cctv.api.adapter.out.http.HeldSnapshot<Snapshot> snapshot;

    private record Snapshot(List<CameraSummary> cameras, Map<CameraId, CameraSummary> byId, List<AgencyCode> agencies,
            List<CameraGroupSummary> groups) {
    }

    record GroupJson(String id, String agency, String name, String nameAr, List<String> cameraIds) {
    }

    record GroupListJson(List<GroupJson> items) {
    }

    record SourceJson(String type) {
    }

    record CameraJson(String id, String name, String nameAr, String agency, String status, String statusReason,
            java.time.Instant lastSeen, boolean ptz, SourceJson source, String codec, String resolution, boolean audio,
            String audioCodec, String audioApproval, String transport) {
    }

    record ConnectionTestJson(boolean reachable, String reason, String codec, String resolution, boolean audio,
            String audioCodec, String transport) {
    }

    /** The vms service's {@code PUT /internal/cameras/{id}/audio} body. */
    record AudioSwitchJson(boolean enabled, String approval) {
    }

    record CameraListJson(List<CameraJson> items) {
    }

    record AgencyListJson(List<String> items) {
    }

    public VmsCameraDirectory(RestClient vms, Duration refreshAfter, Duration staleFor) {
        this.vms = vms;
        this.writes = new HttpServiceGateway("vms", vms);
        this.snapshot = new ae.rta.cctv.api.adapter.out.http.HeldSnapshot<>(this::load, refreshAfter, staleFor);
    }

    @Override
    public List<CameraSummary> all() {
        return current().cameras();
    }

    @Override
    public Optional<CameraSummary> find(CameraId id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    @Override
    public List<AgencyCode> agencies() {
        return current().agencies();
    }

    @Override
    public List<CameraGroupSummary> groups() {
        return current().groups();
    }

    @Override
    public Map<String, Object> write(String method, String path, Object body) {
        try {
            Map<String, Object> answer = writes.call(method, path, body, (String) null);
            snapshot.invalidate();
            return answer;
        } catch (ServiceGateway.UnavailableException e) {
            throw new DirectoryUnavailableException("the vms service did not answer", e);
        }
    }

    @Override
    public CameraSummary add(NewCamera camera) {
        CameraJson added;
        try {
            added = vms.post().uri("/internal/cameras").body(camera).retrieve().body(CameraJson.class);
        } catch (HttpClientErrorException e) {
            throw ServiceProblems.passOn(e);
        } catch (RestClientException e) {
            throw new DirectoryUnavailableException("the vms service did not answer", e);
        }
        snapshot.invalidate();
        return summary(added);
    }

    @Override
    public ConnectionTest testConnection(Map<String, Object> source) {
        ConnectionTestJson answer;
        try {
            answer = vms.post().uri("/internal/cameras/test-connection").body(source == null ? Map.of() : source)
                    .retrieve().body(ConnectionTestJson.class);
        } catch (HttpClientErrorException e) {
            throw ServiceProblems.passOn(e);
        } catch (RestClientException e) {
            throw new DirectoryUnavailableException("the vms service did not answer", e);
        }
        if (answer == null) {
            throw new DirectoryUnavailableException("the vms service answered an empty body", null);
        }
        return new ConnectionTest(answer.reachable(), answer.reason(),
                new Probed(answer.codec(), answer.resolution(), answer.audio(), answer.audioCodec(), answer.transport()));
    }

    @Override
    public CameraSummary setAudio(CameraId id, boolean enabled, String approval) {
        CameraJson changed;
        try {
            changed = vms.put().uri("/internal/cameras/{id}/audio", id.toString())
                    .body(new AudioSwitchJson(enabled, approval)).retrieve()
                    .body(CameraJson.class);
        } catch (HttpClientErrorException e) {
            throw ServiceProblems.passOn(e);
        } catch (RestClientException e) {
            throw new DirectoryUnavailableException("the vms service did not answer", e);
        }
        if (changed == null) {
            throw new DirectoryUnavailableException("the vms service answered an empty body", null);
        }
        snapshot.invalidate();
        return summary(changed);
    }

    @Override
    public boolean remove(CameraId id) {
        try {
            vms.delete().uri("/internal/cameras/{id}", id.toString()).retrieve().toBodilessEntity();
            snapshot.invalidate();
            return true;
        } catch (HttpClientErrorException.NotFound e) {
            return false;
        } catch (HttpClientErrorException e) {
            throw ServiceProblems.passOn(e);
        } catch (RestClientException e) {
            throw new DirectoryUnavailableException("the vms service did not answer", e);
        }
    }

    private static CameraSummary summary(CameraJson c) {
        return new CameraSummary(CameraId.parse(c.id()), c.name(), c.nameAr() == null || c.nameAr().isEmpty() ? null
                : c.nameAr(), new AgencyCode(c.agency()), c.status(), "ONLINE".equals(c.status()) ? null : c.statusReason(),
                c.lastSeen(), c.ptz(), c.source() == null ? "unknown" : c.source().type(),
                new Probed(c.codec(), c.resolution(), c.audio(), c.audioCodec(), c.transport()), c.audioApproval());
    }

    private Snapshot current() {
        try {
            return snapshot.get();
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("the vms service did not answer", e);
        }
    }



    private Snapshot load() {
        CameraListJson list = vms.get().uri("/internal/cameras").retrieve().body(CameraListJson.class);
        AgencyListJson agencies = vms.get().uri("/internal/agencies").retrieve().body(AgencyListJson.class);
        GroupListJson groups = vms.get().uri("/internal/camera-groups").retrieve().body(GroupListJson.class);
        if (list == null || list.items() == null || agencies == null || agencies.items() == null) {
            throw new IllegalStateException("the vms service answered an empty body");
        }
        List<CameraSummary> cameras = list.items().stream().map(VmsCameraDirectory::summary).toList();
        return new Snapshot(cameras, cameras.stream().collect(Collectors.toUnmodifiableMap(CameraSummary::id,
                Function.identity())), agencies.items().stream().map(AgencyCode::new).toList(),
                groups == null || groups.items() == null ? List.of() : groups.items().stream()
                        .map(g -> new CameraGroupSummary(g.id(), new AgencyCode(g.agency()), g.name(), g.nameAr(),
                                g.cameraIds().stream().map(CameraId::parse).toList())).toList());
    }
}
