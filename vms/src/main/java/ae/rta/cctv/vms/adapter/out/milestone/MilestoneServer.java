package ae.rta.cctv.vms.adapter.out.milestone;

import java.net.URI;
import java.time.Duration;

/**
 * One agency's XProtect system, as configured ({@code cctv.vms.milestone[n].*}).
 *
 * @param id a short name for it, used in camera sources and sync reports
 * @param baseUrl the API Gateway, e.g. {@code https://xprotect.police.local}
 * @param agency the agency its cameras belong to
 * @param bridgeRtsp the Open Network Bridge's RTSP address, e.g. {@code rtsp://onb.police.local:554}
 * @param bridgeOnvif the Open Network Bridge's ONVIF device service (PTZ, replay), e.g. {@code http://onb.police.local:580/onvif/device_service}
 * @param syncInterval how often the inventory is synchronised
 */
public record MilestoneServer(String id, URI baseUrl, String username, String password, String agency, URI bridgeRtsp,
        URI bridgeOnvif, String bridgeUsername, String bridgePassword, Duration syncInterval) {

    @Override
    public String toString() {
        return "MilestoneServer[" + id + " " + baseUrl + "]";
    }
}
