package ae.rta.cctv.metadata;

import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.metadata.adapter.out.http.StorageEvidenceHolds;
import ae.rta.cctv.metadata.adapter.out.http.VmsCameraCatalog;
import ae.rta.cctv.metadata.adapter.out.jdbc.JdbcSearchIndex;
import ae.rta.cctv.metadata.application.Bookmarks;
import ae.rta.cctv.metadata.application.CameraNameSync;
import ae.rta.cctv.metadata.application.Incidents;
import ae.rta.cctv.metadata.application.Search;
import ae.rta.cctv.metadata.application.port.out.BookmarkStore;
import ae.rta.cctv.metadata.application.port.out.CameraCatalog;
import ae.rta.cctv.metadata.application.port.out.CameraNameStore;
import ae.rta.cctv.metadata.application.port.out.EvidenceHolds;
import ae.rta.cctv.metadata.application.port.out.IncidentStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the metadata service's use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetadataSettings.class)
@EnableScheduling
class MetadataConfiguration {

    @Bean
    EvidenceHolds evidenceHolds(ServiceClients clients, @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String url) {
        return new StorageEvidenceHolds(clients.forBaseUrl(url, Duration.ofSeconds(5)));
    }

    @Bean
    CameraCatalog cameraCatalog(ServiceClients clients, @Value("${cctv.services.vms.url:http://127.0.0.1:8081}") String url) {
        return new VmsCameraCatalog(clients.forBaseUrl(url, Duration.ofSeconds(10)));
    }

    @Bean
    JdbcSearchIndex searchIndex(JdbcClient jdbc, PlatformTransactionManager transactions, MetadataSettings settings) {
        return new JdbcSearchIndex(jdbc, transactions, settings.search().timeout());
    }

    @Bean
    Incidents incidents(IncidentStore store, EvidenceHolds holds, Clock clock, MeterRegistry registry) {
        return new Incidents(store, holds, clock, registry);
    }

    @Bean
    Bookmarks bookmarks(BookmarkStore store, Clock clock, MeterRegistry registry) {
        return new Bookmarks(store, clock, registry);
    }

    @Bean
    Search search(JdbcSearchIndex index, MetadataSettings settings, MeterRegistry registry) {
        return new Search(index, settings.search().maxRanked(), registry);
    }

    @Bean
    CameraNameSync cameraNameSync(CameraCatalog catalog, CameraNameStore names, Clock clock, MeterRegistry registry) {
        return new CameraNameSync(catalog, names, clock, registry);
    }

    @Bean
    Schedules metadataSchedules(CameraNameSync cameraNames, Incidents incidents) {
        return new Schedules(cameraNames, incidents);
    }

    /** The periodic work: camera names from the catalog, and hold releases the storage service missed. */
    static final class Schedules {
        private final CameraNameSync cameraNames;
        private final Incidents incidents;

        Schedules(CameraNameSync cameraNames, Incidents incidents) {
            this.cameraNames = cameraNames;
            this.incidents = incidents;
        }

        @Scheduled(initialDelay = 1_000, fixedDelayString = "${cctv.metadata.camera-sync-interval:PT30S}")
        void syncCameraNames() {
            try {
                cameraNames.sync();
            } catch (CameraCatalog.CatalogUnavailableException e) {
                // logged and counted by the sync; the next run tries again
            }
        }

        @Scheduled(initialDelay = 30_000, fixedDelayString = "${cctv.metadata.hold-retry-interval:PT1M}")
        void releaseDueHolds() {
            try {
                incidents.releaseDueHolds();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Schedules.class).warn("hold release retry failed: {}", e.toString());
            }
        }
    }
}
