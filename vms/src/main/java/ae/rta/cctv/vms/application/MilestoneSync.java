package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.application.port.out.CameraRepository.SyncReport;
import ae.rta.cctv.vms.application.port.out.UpstreamInventory;
import ae.rta.cctv.vms.application.port.out.UpstreamInventory.UpstreamCamera;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraHealth;
import ae.rta.cctv.vms.domain.CameraSource;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cameras of each XProtect server in step with its inventory: new (enabled) cameras are added to the
 * server's agency, names and PTZ capability follow the server, cameras it no longer lists (or has disabled) are
 * marked removed (kept, with their footage and history, and un-marked if they come back). Each run leaves a report.
 */
public final class MilestoneSync {

    private static final Logger log = LoggerFactory.getLogger(MilestoneSync.class);

    private final CameraRepository cameras;
    private final UpstreamInventory inventory;
    private final Clock clock;

    public MilestoneSync(CameraRepository cameras, UpstreamInventory inventory, Clock clock) {
        this.cameras = cameras;
        this.inventory = inventory;
        this.clock = clock;
    }

    public List<String> servers() {
        return inventory.servers();
    }

    /** @throws ProblemException 404 for a server that is not configured */
    public synchronized SyncReport sync(String server) {
        if (!inventory.servers().contains(server)) {
            throw ProblemException.notFound("No XProtect server is configured with id '" + server + "'.");
        }
        Instant started = clock.instant();
        SyncReport report;
        try {
            report = apply(server, inventory.cameras(server), started);
        } catch (UpstreamInventory.InventoryUnavailableException e) {
            String error = Secrets.mask(e.getMessage());
            report = new SyncReport(server, started, clock.instant(), 0, 0, 0, 0, 0, error);
            log.warn("inventory sync of XProtect server {} failed: {}", server, error);
        }
        cameras.saveSyncReport(report);
        return report;
    }

    private SyncReport apply(String server, List<UpstreamCamera> upstream, Instant started) {
        AgencyCode agency = inventory.agencyOf(server);
        cameras.addAgencyIfAbsent(agency, agency.value(), null);
        Map<String, Camera> known = new HashMap<>();
        for (Camera c : cameras.findAll()) {
            if (c.source() instanceof CameraSource.Milestone m && m.server().equals(server)) {
                known.put(m.cameraGuid(), c);
            }
        }
        int added = 0;
        int updated = 0;
        int removed = 0;
        int unchanged = 0;
        Set<String> listed = new HashSet<>();
        for (UpstreamCamera u : upstream) {
            if (!u.enabled()) {
                continue;
            }
            CameraSource.Milestone source = new CameraSource.Milestone(server, u.guid());
            listed.add(source.cameraGuid());
            String name = u.name() == null || u.name().isBlank() ? source.cameraGuid() : u.name();
            // Built once: the Camera record checks and trims the upstream name for both the add and the update.
            Camera listedCamera = new Camera(CameraId.random(), name, null, agency, source, u.ptz(), CameraHealth.UNKNOWN);
            Camera existing = known.get(source.cameraGuid());
            if (existing == null) {
                cameras.addIfAbsent(listedCamera);
                added++;
            } else if (!existing.name().equals(listedCamera.name()) || existing.ptz() != u.ptz()
                    || cameras.upstreamRemoved(existing.id())) {
                cameras.updateUpstream(existing.id(), listedCamera.name(), u.ptz(), false);
                updated++;
            } else {
                unchanged++;
            }
        }
        for (Map.Entry<String, Camera> k : known.entrySet()) {
            if (!listed.contains(k.getKey()) && !cameras.upstreamRemoved(k.getValue().id())) {
                cameras.updateUpstream(k.getValue().id(), k.getValue().name(), k.getValue().ptz(), true);
                removed++;
            }
        }
        log.info("inventory sync of XProtect server {}: {} listed, {} added, {} updated, {} removed", server,
                upstream.size(), added, updated, removed);
        return new SyncReport(server, started, clock.instant(), upstream.size(), added, updated, removed, unchanged, null);
    }
}
