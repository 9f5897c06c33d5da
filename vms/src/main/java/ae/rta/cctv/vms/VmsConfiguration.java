package ae.rta.cctv.vms;

import ae.rta.cctv.common.security.SecretBox;
import ae.rta.cctv.vms.adapter.out.milestone.MilestoneConnector;
import ae.rta.cctv.vms.adapter.out.milestone.MilestonePtz;
import ae.rta.cctv.vms.adapter.out.milestone.MilestoneServers;
import ae.rta.cctv.vms.adapter.out.onvif.OnvifConnector;
import ae.rta.cctv.vms.adapter.out.onvif.OnvifDevices;
import ae.rta.cctv.vms.adapter.out.onvif.OnvifEventSource;
import ae.rta.cctv.vms.adapter.out.onvif.OnvifPtz;
import ae.rta.cctv.vms.adapter.out.rtsp.RtspConnector;
import ae.rta.cctv.vms.adapter.out.rtsp.RtspDescribeProbe;
import ae.rta.cctv.vms.adapter.out.simulator.SimulatorConnector;
import ae.rta.cctv.vms.adapter.out.simulator.SimulatorPtz;
import ae.rta.cctv.vms.adapter.out.simulator.SimulatorServer;
import ae.rta.cctv.vms.application.CameraCatalog;
import ae.rta.cctv.vms.application.CameraEventMonitor;
import ae.rta.cctv.vms.application.CameraGroups;
import ae.rta.cctv.vms.application.CameraHealthMonitor;
import ae.rta.cctv.vms.application.CameraStreams;
import ae.rta.cctv.vms.application.DemoCameras;
import ae.rta.cctv.vms.application.MilestoneSync;
import ae.rta.cctv.vms.application.PtzControl;
import ae.rta.cctv.vms.application.StreamAddressPolicy;
import ae.rta.cctv.vms.application.port.out.CameraGroupRepository;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.application.port.out.PtzLockStore;
import ae.rta.cctv.vms.application.port.out.StreamProbe;
import ae.rta.cctv.vms.domain.CameraSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VmsSettings.class)
@EnableScheduling
class VmsConfiguration {

    @Bean
    SecretBox credentialBox(VmsSettings settings, @Value("${cctv.security.service-secret}") String serviceSecret) {
        return SecretBox.create(settings.credentialKey(), serviceSecret, "cctv-camera-credentials");
    }

    @Bean
    StreamAddressPolicy streamAddressPolicy(VmsSettings settings) {
        return new StreamAddressPolicy(settings.deniedAddresses() == null || settings.deniedAddresses().isEmpty()
                ? StreamAddressPolicy.DEFAULT_DENIED : settings.deniedAddresses());
    }

    @Bean
    CameraCatalog cameraCatalog(CameraRepository cameras, StreamAddressPolicy policy, VmsSettings settings) {
        return new CameraCatalog(cameras, policy, settings.milestoneServers().stream().map(s -> s.id()).toList());
    }

    @Bean
    CameraGroups cameraGroups(CameraGroupRepository groups, CameraRepository cameras) {
        return new CameraGroups(groups, cameras);
    }

    @Bean(destroyMethod = "close")
    SimulatorServer simulatorServer(VmsSettings settings) {
        return new SimulatorServer(settings.simulatorDir(), settings.simulatorPort(), settings.ffmpeg());
    }

    @Bean
    OnvifDevices onvifDevices(Clock clock, VmsSettings settings) {
        return new OnvifDevices(clock, settings.probeTimeout().plusSeconds(2), java.time.Duration.ofMinutes(10));
    }

    @Bean
    MilestoneServers milestoneServers(VmsSettings settings, Clock clock) {
        return new MilestoneServers(settings.milestoneServers(), clock, java.time.Duration.ofSeconds(10), 4,
                java.time.Duration.ofMillis(500));
    }

    @Bean
    MilestoneSync milestoneSync(CameraRepository cameras, MilestoneServers servers, Clock clock) {
        return new MilestoneSync(cameras, servers, clock);
    }

    @Bean
    SyncSchedule syncSchedule(MilestoneSync sync, VmsSettings settings, Clock clock) {
        return new SyncSchedule(sync, settings, clock);
    }

    /** Runs each XProtect server's inventory sync at start-up and then every sync-interval (default 5 minutes). */
    static final class SyncSchedule {
        private final MilestoneSync sync;
        private final Clock clock;
        private final java.util.Map<String, java.time.Instant> due = new java.util.HashMap<>();
        private final java.util.Map<String, java.time.Duration> intervals = new java.util.HashMap<>();

        SyncSchedule(MilestoneSync sync, VmsSettings settings, Clock clock) {
            this.sync = sync;
            this.clock = clock;
            settings.milestoneServers().forEach(s -> intervals.put(s.id(),
                    s.syncInterval() == null ? java.time.Duration.ofMinutes(5) : s.syncInterval()));
        }

        @Scheduled(initialDelay = 2000, fixedDelay = 10_000)
        void run() {
            java.time.Instant now = clock.instant();
            for (String server : sync.servers()) {
                if (!due.getOrDefault(server, java.time.Instant.MIN).isAfter(now)) {
                    due.put(server, now.plus(intervals.getOrDefault(server, java.time.Duration.ofMinutes(5))));
                    sync.sync(server);
                }
            }
        }
    }

    @Bean
    CameraStreams cameraStreams(SimulatorServer simulator, OnvifDevices onvif, MilestoneServers milestone) {
        return new CameraStreams(List.of(new RtspConnector(), new SimulatorConnector(simulator), new OnvifConnector(onvif),
                new MilestoneConnector(milestone)));
    }

    @Bean
    SimulatorPtz simulatorPtz() {
        return new SimulatorPtz();
    }

    @Bean
    PtzControl ptzControl(CameraRepository cameras, SimulatorPtz simulatorPtz, OnvifDevices onvif,
            MilestoneServers milestone, PtzLockStore locks, Clock clock) {
        return new PtzControl(cameras, List.of(simulatorPtz, new OnvifPtz(onvif), new MilestonePtz(milestone)), locks, clock,
                java.time.Duration.ofSeconds(30));
    }

    @Bean
    StreamProbe streamProbe(VmsSettings settings) {
        return new RtspDescribeProbe(settings.probeTimeout());
    }

    @Bean(destroyMethod = "close")
    CameraHealthMonitor cameraHealthMonitor(CameraRepository cameras, CameraStreams streams, StreamProbe probe,
            Clock clock, VmsSettings settings, MeterRegistry registry) {
        return new CameraHealthMonitor(cameras, streams, probe, clock, settings.probeInterval(),
                settings.failuresToOffline(), settings.maxConcurrentProbes(), registry);
    }

    @Bean(destroyMethod = "close")
    CameraEventMonitor cameraEventMonitor(CameraRepository cameras, OnvifDevices onvif, Clock clock, VmsSettings settings,
            MeterRegistry registry) {
        return new CameraEventMonitor(cameras, List.of(new OnvifEventSource(onvif, clock)), clock,
                settings.eventPullWait(), java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(5), registry);
    }

    @Bean
    EventSchedule eventSchedule(CameraEventMonitor monitor, VmsSettings settings) {
        return new EventSchedule(monitor, settings.cameraEvents());
    }

    /** Follows the cameras' own events, when this instance is the one that does ({@code cctv.vms.camera-events}). */
    static final class EventSchedule {
        private final CameraEventMonitor monitor;
        private final boolean enabled;

        EventSchedule(CameraEventMonitor monitor, boolean enabled) {
            this.monitor = monitor;
            this.enabled = enabled;
        }

        @Scheduled(initialDelay = 1500, fixedDelay = 1000)
        void tick() {
            if (enabled) {
                monitor.tick();
            }
        }
    }

    @Bean
    HealthSchedule healthSchedule(CameraHealthMonitor monitor) {
        return new HealthSchedule(monitor);
    }

    static final class HealthSchedule {
        private final CameraHealthMonitor monitor;

        HealthSchedule(CameraHealthMonitor monitor) {
            this.monitor = monitor;
        }

        @Scheduled(initialDelay = 1000, fixedDelay = 1000)
        void tick() {
            monitor.tick();
        }
    }

    /** Demo mode seeds the demo cameras; whenever simulator cameras exist, their RTSP server runs. */
    @Bean
    ApplicationRunner startSimulator(CameraRepository cameras, SimulatorServer simulator, CameraHealthMonitor monitor,
            @Value("${cctv.demo:false}") boolean demo) {
        return args -> {
            simulator.onReady(() -> cameras.findAll().stream().filter(c -> c.source() instanceof CameraSource.Simulator)
                    .forEach(c -> monitor.probeSoon(c.id())));
            if (demo) {
                new DemoCameras(cameras).seed();
            }
            var simulated = cameras.findAll().stream().filter(c -> c.source() instanceof CameraSource.Simulator).toList();
            if (!simulated.isEmpty()) {
                Thread.ofVirtual().name("simulator-start").start(() -> simulator.start(simulated));
            }
        };
    }
}
