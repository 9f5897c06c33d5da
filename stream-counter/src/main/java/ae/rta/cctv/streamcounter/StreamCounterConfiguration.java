package ae.rta.cctv.streamcounter;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.redis.RedisConnector;
import ae.rta.cctv.streamcounter.adapter.out.redis.RedisQuotaStore;
import ae.rta.cctv.streamcounter.application.QuotaSampler;
import ae.rta.cctv.streamcounter.application.StreamQuotas;
import ae.rta.cctv.streamcounter.application.port.out.QuotaHistory;
import ae.rta.cctv.streamcounter.application.port.out.LimitRepository;
import ae.rta.cctv.streamcounter.application.port.out.QuotaStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamCounterSettings.class)
@EnableScheduling
class StreamCounterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamCounterConfiguration.class);

    @Bean
    QuotaStore quotaStore(RedisConnector redis, MeterRegistry registry) {
        return new RedisQuotaStore(redis, registry);
    }

    @Bean
    StreamQuotas streamQuotas(QuotaStore store, LimitRepository limits, Clock clock, StreamCounterSettings settings,
            MeterRegistry registry) {
        return new StreamQuotas(store, limits, clock, settings.ttl(), settings.defaultAgencyLimit(),
                settings.limitRefresh(), registry);
    }

    @Bean
    QuotaSampler quotaSampler(StreamQuotas quotas, QuotaHistory history, Clock clock, StreamCounterSettings settings) {
        return new QuotaSampler(quotas, history, clock, settings.sampleRetention());
    }

    @Bean
    Sampling sampling(QuotaSampler sampler) {
        return new Sampling(sampler);
    }

    /* Samples from the start, the peak of each minute kept; a minute whose counts cannot be read stays a hole. */
    static final class Sampling {
        private final QuotaSampler sampler;

        Sampling(QuotaSampler sampler) {
            this.sampler = sampler;
        }

        @Scheduled(initialDelayString = "PT1S", fixedRateString = "${cctv.stream-counter.sample-interval:PT15S}")
        void run() {
            try {
                sampler.sample();
            } catch (RuntimeException e) {
                log.debug("quota sample skipped: {}", e.toString());
            }
        }
    }

    @Bean
    Housekeeping housekeeping(StreamQuotas quotas) {
        return new Housekeeping(quotas);
    }

    static final class Housekeeping {
        private final StreamQuotas quotas;

        Housekeeping(StreamQuotas quotas) {
            this.quotas = quotas;
        }

        @Scheduled(fixedDelayString = "${cctv.stream-counter.housekeeping:PT5S}")
        void run() {
            try {
                quotas.refresh();
            } catch (RuntimeException e) {
                log.debug("quota housekeeping skipped: {}", e.toString());
            }
        }
    }

    /** Demo mode: starting limits small enough to see a quota fill up from the dashboard. */
    @Bean
    @ConditionalOnProperty(name = "cctv.demo", havingValue = "true")
    ApplicationRunner seedDemoLimits(StreamQuotas quotas) {
        return args -> Map.of("DUBAI_POLICE", 10, "METRO", 8, "TAXI", 4)
                .forEach((agency, limit) -> quotas.seedAgencyLimit(new AgencyCode(agency), limit));
    }
}
