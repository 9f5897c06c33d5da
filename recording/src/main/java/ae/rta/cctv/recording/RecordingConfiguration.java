package ae.rta.cctv.recording;

import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.redis.RedisConnector;
import ae.rta.cctv.common.rtsp.RtspProxy;
import ae.rta.cctv.recording.adapter.out.ffmpeg.FfmpegRecorders;
import ae.rta.cctv.recording.adapter.out.http.StorageSegmentSink;
import ae.rta.cctv.recording.adapter.out.http.VmsCameraCatalog;
import ae.rta.cctv.recording.adapter.out.redis.RedisLeaseStore;
import ae.rta.cctv.recording.application.RecorderSupervisor;
import ae.rta.cctv.recording.application.Spool;
import ae.rta.cctv.recording.application.Uploader;
import ae.rta.cctv.recording.application.port.out.CameraCatalog;
import ae.rta.cctv.recording.application.port.out.ScheduleRepository;
import ae.rta.cctv.recording.application.port.out.SegmentSink;
import ae.rta.cctv.recording.domain.RecordingMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordingSettings.class)
@EnableScheduling
class RecordingConfiguration {

    @Bean
    RecordingMode defaultMode(RecordingSettings settings) {
        return settings.defaultMode();
    }

    @Bean
    String recorderInstance(RecordingSettings settings) {
        if (!settings.instance().isBlank()) {
            return settings.instance();
        }
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The spool, with whatever a crash left unsealed sealed again, so the uploader drains it. */
    @Bean
    Spool spool(RecordingSettings settings, Clock clock) {
        Spool spool = new Spool(settings.spool(), clock);
        int recovered = spool.recoverUnsealed();
        if (recovered > 0) {
            org.slf4j.LoggerFactory.getLogger(RecordingConfiguration.class)
                    .info("{} segments left unsealed by an earlier stop were recovered from the spool", recovered);
        }
        return spool;
    }

    @Bean
    CameraCatalog cameraCatalog(ServiceClients clients, @Value("${cctv.services.vms.url:http://127.0.0.1:8081}") String url) {
        return new VmsCameraCatalog(clients.forBaseUrl(url, Duration.ofSeconds(5)));
    }

    @Bean
    SegmentSink segmentSink(ServiceClients clients, String recorderInstance,
            @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String url) {
        return new StorageSegmentSink(clients.forBaseUrl(url, Duration.ofMinutes(2)), recorderInstance);
    }

    @Bean(destroyMethod = "close")
    Uploader uploader(Spool spool, SegmentSink sink, MeterRegistry registry) {
        return new Uploader(spool, sink, registry);
    }

    /** FFmpeg reads cameras with a login through it, so the login is in no command line. */
    @Bean(destroyMethod = "close")
    RtspProxy rtspProxy() {
        return new RtspProxy();
    }

    @Bean
    FfmpegRecorders recorders(RecordingSettings settings, CameraCatalog catalog, RtspProxy proxy, Spool spool,
            SegmentSink sink, Uploader uploader, Clock clock, MeterRegistry registry) {
        return new FfmpegRecorders(new FfmpegRecorders.Settings(settings.ffmpeg(), settings.segmentLength(),
                settings.stallTimeout()), catalog, proxy, spool, sink, segment -> uploader.ready(), clock, registry);
    }

    @Bean(destroyMethod = "close")
    RecorderSupervisor recorderSupervisor(ScheduleRepository schedules, CameraCatalog catalog, RedisConnector redis,
            FfmpegRecorders recorders, Clock clock, String recorderInstance, RecordingSettings settings,
            MeterRegistry registry) {
        return new RecorderSupervisor(schedules, catalog, new RedisLeaseStore(redis, clock), recorders, clock,
                recorderInstance, settings.leaseTtl(), settings.defaultMode(), registry);
    }

    @Bean
    Ticks ticks(RecorderSupervisor supervisor, Spool spool, FfmpegRecorders recorders) {
        return new Ticks(supervisor, spool, recorders);
    }

    static final class Ticks {
        private final RecorderSupervisor supervisor;
        private final Spool spool;
        private final FfmpegRecorders recorders;

        Ticks(RecorderSupervisor supervisor, Spool spool, FfmpegRecorders recorders) {
            this.supervisor = supervisor;
            this.spool = spool;
            this.recorders = recorders;
        }

        @Scheduled(initialDelay = 1000, fixedDelayString = "${cctv.recording.tick:PT2S}")
        void tick() {
            supervisor.tick();
        }

        @Scheduled(initialDelay = 30_000, fixedDelay = 60_000)
        void prune() {
            spool.prune(recorders.activeRuns());
        }
    }
}
