package ae.rta.cctv.storage;

import ae.rta.cctv.storage.adapter.out.filesystem.FileSystemObjectStore;
import ae.rta.cctv.storage.adapter.out.filesystem.MediaSigner;
import ae.rta.cctv.storage.adapter.out.s3.S3ObjectStore;
import ae.rta.cctv.storage.application.FootageImport;
import ae.rta.cctv.storage.application.Recordings;
import ae.rta.cctv.storage.application.RetentionSweep;
import ae.rta.cctv.storage.application.SegmentIngest;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import ae.rta.cctv.storage.application.port.out.RetentionStore;
import ae.rta.cctv.storage.application.port.out.SegmentIndex;
import ae.rta.cctv.common.client.GrantChecks;
import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.security.GrantedLinks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageSettings.class)
@org.springframework.scheduling.annotation.EnableScheduling
class StorageConfiguration {

    @Bean
    MediaSigner mediaSigner(org.springframework.core.env.Environment environment,
            @Value("${cctv.security.service-secret}") String secret, Clock clock) {
        return new MediaSigner(() -> environment.getProperty("cctv.storage.public-url"), secret, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "cctv.storage.store", havingValue = "filesystem", matchIfMissing = true)
    FileSystemObjectStore fileSystemObjectStore(StorageSettings settings, MediaSigner signer, Clock clock) {
        return new FileSystemObjectStore(settings.root(), signer, clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "cctv.storage.store", havingValue = "s3")
    S3ObjectStore s3ObjectStore(StorageSettings settings) {
        StorageSettings.S3 s3 = settings.s3();
        if (s3.endpoint() == null || s3.accessKey() == null || s3.secretKey() == null) {
            throw new IllegalStateException("cctv.storage.store=s3 needs cctv.storage.s3.endpoint, access-key and secret-key");
        }
        S3ObjectStore store = new S3ObjectStore(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(), s3.secretKey());
        try {
            store.ensureBucket();
        } catch (ObjectStore.ObjectStoreUnavailableException e) {
            org.slf4j.LoggerFactory.getLogger(StorageConfiguration.class)
                    .warn("the object store is not reachable at start-up; uploads will wait for it: {}", e.getMessage());
        }
        return store;
    }

    @Bean
    SegmentIngest segmentIngest(ObjectStore store, SegmentIndex index, StorageSettings settings, MeterRegistry registry) {
        return new SegmentIngest(store, index, settings.workDir(), settings.maxSegment().toBytes(), registry);
    }

    @Bean
    FootageImport footageImport(SegmentIngest ingest, SegmentIndex index, StorageSettings settings,
            @Value("${cctv.storage.ffmpeg:ffmpeg}") String ffmpeg, Clock clock) {
        return new FootageImport(ingest, index, settings.workDir(), ffmpeg, 60,
                new FootageImport.Window(settings.importFloor(), settings.recorderSegment()), clock);
    }

    /** The signatures of media byte-range links playback hands players, and of their grants' tickets. */
    @Bean
    GrantedLinks grantedLinks(@Value("${cctv.security.service-secret}") String secret) {
        return new GrantedLinks(secret);
    }

    /** Whether a media link's grant still holds, asked of the api and kept at most the check interval. */
    @Bean
    GrantChecks grantChecks(ServiceClients clients, @Value("${cctv.services.api.url:http://127.0.0.1:8088}") String url,
            @Value("${cctv.playback.link-check-interval:PT30S}") java.time.Duration interval) {
        return new GrantChecks(clients.forBaseUrl(url, java.time.Duration.ofSeconds(5)), interval);
    }

    @Bean
    Recordings recordings(SegmentIndex index) {
        return new Recordings(index);
    }

    @Bean
    RetentionSweep retentionSweep(RetentionStore retention, ObjectStore store, Clock clock, StorageSettings settings,
            MeterRegistry registry) {
        return new RetentionSweep(retention, store, clock, settings.defaultRetentionDays(), settings.capacity().toBytes(),
                settings.highWatermark(), registry);
    }

    @Bean
    SweepSchedule sweepSchedule(RetentionSweep sweep) {
        return new SweepSchedule(sweep);
    }

    static final class SweepSchedule {
        private final RetentionSweep sweep;

        SweepSchedule(RetentionSweep sweep) {
            this.sweep = sweep;
        }

        @org.springframework.scheduling.annotation.Scheduled(initialDelay = 60_000, fixedDelayString = "${cctv.storage.sweep-every:PT10M}")
        void run() {
            sweep.run();
        }
    }
}
