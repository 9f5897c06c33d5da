package ae.rta.cctv.launcher;

import ae.rta.cctv.api.ApiApplication;
import ae.rta.cctv.launcher.dashboard.DashboardApplication;
import ae.rta.cctv.live.LiveApplication;
import ae.rta.cctv.metadata.MetadataApplication;
import ae.rta.cctv.playback.PlaybackApplication;
import ae.rta.cctv.recording.RecordingApplication;
import ae.rta.cctv.storage.StorageApplication;
import ae.rta.cctv.streamcounter.StreamCounterApplication;
import ae.rta.cctv.vms.VmsApplication;
import java.util.List;
import java.util.Locale;

/** A service the launcher can start: its name, Spring application class and default port. */
record ServiceSpec(String name, Class<?> application, int defaultPort) {

    /** Every service, in start order: those that others call come first. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("vms", VmsApplication.class, 8081),
            new ServiceSpec("storage", StorageApplication.class, 8082),
            new ServiceSpec("stream-counter", StreamCounterApplication.class, 8087),
            new ServiceSpec("metadata", MetadataApplication.class, 8084),
            new ServiceSpec("recording", RecordingApplication.class, 8083),
            new ServiceSpec("live", LiveApplication.class, 8085),
            new ServiceSpec("playback", PlaybackApplication.class, 8090),
            new ServiceSpec("api", ApiApplication.class, 8088),
            new ServiceSpec("dashboard", DashboardApplication.class, 3000));

    /** The environment variable that overrides the port, e.g. {@code CCTV_STREAM_COUNTER_PORT}. */
    String portVariable() {
        return "CCTV_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** The environment variable that tells other services where this one is, e.g. {@code CCTV_VMS_URL}. */
    String urlVariable() {
        return "CCTV_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown service '" + name + "'; known: " + ALL.stream().map(ServiceSpec::name).toList()));
    }
}
