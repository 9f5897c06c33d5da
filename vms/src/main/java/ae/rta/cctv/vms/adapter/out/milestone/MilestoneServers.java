package ae.rta.cctv.vms.adapter.out.milestone;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.vms.adapter.out.onvif.OnvifClient;
import ae.rta.cctv.vms.application.port.out.UpstreamInventory;
import ae.rta.cctv.vms.domain.Credentials;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured XProtect servers: their inventories, and the Open Network Bridge of each for video and PTZ. */
public final class MilestoneServers implements UpstreamInventory {

    private final Map<String, MilestoneServer> servers = new LinkedHashMap<>();
    private final Map<String, MilestoneClient> clients = new LinkedHashMap<>();
    private final Map<String, OnvifClient> bridges = new LinkedHashMap<>();

    public MilestoneServers(List<MilestoneServer> configured, Clock clock, Duration timeout, int attempts, Duration backoff) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpClient bridgeHttp = OnvifClient.httpClient(timeout);
        for (MilestoneServer s : configured) {
            if (s.id() == null || s.id().isBlank() || s.baseUrl() == null || s.agency() == null) {
                throw new IllegalArgumentException("every cctv.vms.milestone entry needs id, base-url and agency");
            }
            new AgencyCode(s.agency());
            servers.put(s.id(), s);
            clients.put(s.id(), new MilestoneClient(s, http, clock, timeout, attempts, backoff));
            if (s.bridgeOnvif() != null && s.bridgeUsername() != null && s.bridgePassword() != null) {
                bridges.put(s.id(), new OnvifClient(s.bridgeOnvif(), new Credentials(s.bridgeUsername(), s.bridgePassword()),
                        clock, bridgeHttp, timeout));
            }
        }
    }

    @Override
    public List<String> servers() {
        return List.copyOf(servers.keySet());
    }

    @Override
    public AgencyCode agencyOf(String server) {
        return new AgencyCode(server(server).agency());
    }

    @Override
    public List<UpstreamCamera> cameras(String server) {
        server(server);
        return clients.get(server).cameras();
    }

    MilestoneServer server(String id) {
        MilestoneServer s = servers.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no XProtect server is configured with id '" + id + "'");
        }
        return s;
    }

    /** The ONVIF client of the server's bridge, or null when none is configured. */
    OnvifClient bridge(String id) {
        return bridges.get(id);
    }

    /** The client of a server, for its figures. */
    public MilestoneClient client(String id) {
        server(id);
        return clients.get(id);
    }
}
