package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.application.port.out.SystemFigures;
import ae.rta.cctv.api.domain.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the monitoring page shows: the caller's cameras online and offline per agency, and the recording backlog and
 * storage use as those services publish them.
 */
public final class SystemMonitoring {

    private static final Map<String, String> RECORDING = Map.of(
            "cctv_recording_cameras_recording", "camerasRecording",
            "cctv_recording_upload_backlog_segments", "backlogSegments",
            "cctv_recording_upload_backlog_bytes", "backlogBytes",
            "cctv_recording_upload_backlog_oldest_seconds", "backlogOldestSeconds",
            "cctv_recording_spool_bytes", "spoolBytes");
    private static final Map<String, String> STORAGE = Map.of(
            "cctv_storage_footage_bytes", "bytes",
            "cctv_storage_retention_held", "heldSegments");

    private final VisibleCameras cameras;
    private final SystemFigures figures;

    public SystemMonitoring(VisibleCameras cameras, SystemFigures figures) {
        this.cameras = cameras;
        this.figures = figures;
    }

    /** Cameras per agency by status, then the recording and storage figures ({@code available} false when unreachable). */
    public Map<String, Object> figures(Caller caller) {
        Map<String, int[]> byAgency = new TreeMap<>();
        for (CameraSummary c : cameras.list(caller, null, null, null)) {
            int[] counts = byAgency.computeIfAbsent(c.agency().value(), a -> new int[3]);
            counts["ONLINE".equals(c.status()) ? 0 : "OFFLINE".equals(c.status()) ? 1 : 2]++;
        }
        List<Map<String, Object>> perAgency = byAgency.entrySet().stream().map(e -> Map.<String, Object>of(
                "agency", e.getKey(), "online", e.getValue()[0], "offline", e.getValue()[1], "unknown", e.getValue()[2]))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameras", perAgency);
        body.put("recording", gauges("recording", RECORDING));
        body.put("storage", gauges("storage", STORAGE));
        return body;
    }

    private Map<String, Object> gauges(String service, Map<String, String> wanted) {
        Optional<Map<String, Double>> values = figures.gauges(service, Set.copyOf(wanted.keySet()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("available", values.isPresent());
        values.ifPresent(v -> wanted.forEach((metric, field) -> {
            if (v.containsKey(metric)) {
                out.put(field, Math.round(v.get(metric)));
            }
        }));
        return out;
    }
}
