package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.application.port.out.RecordingStates;
import ae.rta.cctv.common.domain.CameraId;
import java.util.Map;

/**
 * Whether a camera is recorded now, and why not in words: true only while its segments land in storage (never just
 * because a recorder was started), else the first reason that applies: its schedule, its own status, the recorder's
 * last failure, or how long nothing has landed.
 */
public final class CameraRecording {

    private final RecordingStates states;

    public CameraRecording(RecordingStates states) {
        this.states = states;
    }

    /**
     * @param reason why it is not recording, null while it is
     * @param codec its newest recorded segment's codec, or null
     * @param resolution {@code WIDTHxHEIGHT} of that segment, or null
     */
    public record Status(boolean recording, String reason, String codec, String resolution) {
    }

    /** A view of every camera's recording, read once for a whole list. */
    public Map<CameraId, RecordingStates.State> snapshot() {
        try {
            return states.all();
        } catch (RecordingStates.UnavailableException e) {
            return null;
        }
    }

    /** @param snapshot what {@link #snapshot()} answered (null: storage or recording did not answer) */
    public Status of(CameraSummary camera, Map<CameraId, RecordingStates.State> snapshot) {
        if (snapshot == null) {
            return new Status(false, "whether it records cannot be read now: storage or the recording service does not answer",
                    null, null);
        }
        RecordingStates.State s = snapshot.getOrDefault(camera.id(), states.unknownCamera());
        String resolution = s.width() > 0 && s.height() > 0 ? s.width() + "x" + s.height() : null;
        String codec = codecName(s.codec());
        if (s.landing()) {
            return new Status(true, null, codec, resolution);
        }
        return new Status(false, reason(camera, s), codec, resolution);
    }

    /* A stored segment names its codec by its MP4 sample entry (avc1, hvc1); people read H.264 and H.265. */
    static String codecName(String sampleEntry) {
        if (sampleEntry == null) {
            return null;
        }
        return switch (sampleEntry) {
            case "avc1", "avc3" -> "H.264";
            case "hvc1", "hev1" -> "H.265";
            default -> sampleEntry;
        };
    }

    private static String reason(CameraSummary camera, RecordingStates.State s) {
        if (!s.scheduled()) {
            return "OFF".equals(s.mode()) ? "recording is off for this camera" : "outside its recording schedule";
        }
        if (!"ONLINE".equals(camera.status())) {
            return "the camera is " + camera.status().toLowerCase(java.util.Locale.ROOT)
                    + (camera.statusReason() == null ? "" : ": " + camera.statusReason());
        }
        if (s.lastGapReason() != null) {
            return s.lastGapReason();
        }
        if (s.lastSegmentEnd() != null) {
            return "no segment has landed since " + s.lastSegmentEnd();
        }
        return "no segment has landed in the last 30 minutes (a recorder's first segment lands after one segment length)";
    }
}
