package ae.rta.cctv.vms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the vms service ({@code cctv.vms.*}).
 *
 * @param probeInterval how often each camera's stream is probed (with 10% jitter)
 * @param probeTimeout how long one probe waits for a camera
 * @param failuresToOffline failed probes in a row that turn an ONLINE camera OFFLINE
 * @param maxConcurrentProbes probes running at once
 * @param deniedAddresses address blocks no camera URL may point at
 * @param credentialKey base64 32-byte AES key for camera credentials; blank derives one from the service secret
 * @param simulatorDir where the demo cameras' clips are kept
 * @param simulatorPort the simulator's RTSP port; 0 picks a free one
 * @param milestone the agencies' XProtect servers ({@code cctv.vms.milestone[0].id}, {@code .base-url}, ...)
 * @param cameraEvents whether this instance follows the cameras' own events (ONVIF motion, tampering); in a deployment
 *     of several vms instances, one should (each follower stores what it receives)
 * @param eventPullWait how long one pull for a camera's events waits at the camera (a long poll)
 */
@ConfigurationProperties("cctv.vms")
public record VmsSettings(
        @DefaultValue("PT5S") Duration probeInterval,
        @DefaultValue("PT3S") Duration probeTimeout,
        @DefaultValue("2") int failuresToOffline,
        @DefaultValue("64") int maxConcurrentProbes,
        List<String> deniedAddresses,
        @DefaultValue("") String credentialKey,
        @DefaultValue("data/simulator") Path simulatorDir,
        @DefaultValue("0") int simulatorPort,
        @DefaultValue("ffmpeg") String ffmpeg,
        List<ae.rta.cctv.vms.adapter.out.milestone.MilestoneServer> milestone,
        @DefaultValue("true") boolean cameraEvents,
        @DefaultValue("PT10S") Duration eventPullWait) {

    public List<ae.rta.cctv.vms.adapter.out.milestone.MilestoneServer> milestoneServers() {
        return milestone == null ? List.of() : milestone;
    }
}
