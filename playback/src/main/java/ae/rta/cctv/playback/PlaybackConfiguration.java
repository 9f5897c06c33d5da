package ae.rta.cctv.playback;

import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.security.UrlSigner;
import ae.rta.cctv.playback.adapter.out.http.HttpFootage;
import ae.rta.cctv.playback.application.Playback;
import ae.rta.cctv.playback.application.port.out.Footage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlaybackSettings.class)
class PlaybackConfiguration {

    /** The purpose playlist URLs are signed for (keys are derived per purpose from the service secret). */
    static final String PLAYLIST_URLS = "cctv-playback-urls";

    @Bean
    Footage footage(ServiceClients clients, @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String url) {
        return new HttpFootage(clients.forBaseUrl(url, Duration.ofSeconds(10)));
    }

    @Bean
    Playback playback(Footage footage, PlaybackSettings s, @Value("${cctv.security.service-secret}") String secret,
            MeterRegistry registry, org.springframework.core.env.Environment environment) {
        // Read when a URL is made: it may name this service's own port, known only once it listens.
        java.util.function.Supplier<String> publicUrl = () -> environment.getProperty("cctv.playback.public-url", s.publicUrl());
        return new Playback(footage, UrlSigner.create(secret, PLAYLIST_URLS), new Playback.Settings(publicUrl,
                s.minLocalCoverage(), s.maxRange(), s.linkTtl(), s.targetSegment()), Clock.systemUTC(), registry);
    }
}
