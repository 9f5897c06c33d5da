package ae.rta.cctv.playback;

import ae.rta.cctv.common.client.GrantChecks;
import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.rtsp.RtspProxy;
import ae.rta.cctv.common.security.GrantedLinks;
import ae.rta.cctv.common.security.UrlSigner;
import ae.rta.cctv.common.security.SecretBox;
import ae.rta.cctv.playback.adapter.out.ffmpeg.FfmpegExportWriter;
import ae.rta.cctv.playback.adapter.out.ffmpeg.FfmpegPieceFetcher;
import ae.rta.cctv.playback.adapter.out.http.HttpUpstream;
import ae.rta.cctv.playback.application.UpstreamCache;
import ae.rta.cctv.playback.application.port.out.Upstream;
import ae.rta.cctv.playback.adapter.out.http.HttpFootage;
import ae.rta.cctv.playback.adapter.out.http.StorageEvidenceHolds;
import ae.rta.cctv.playback.adapter.out.jdbc.JdbcExportJobs;
import ae.rta.cctv.playback.adapter.out.jdbc.JdbcSigningKeys;
import ae.rta.cctv.playback.application.Exports;
import ae.rta.cctv.playback.domain.EvidenceSignature;
import java.security.KeyPair;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    /** The purpose export download links are signed for. */
    static final String EXPORT_URLS = "cctv-export-urls";
    /** The purpose of the key that seals the evidence signing key in the database. */
    static final String EVIDENCE_KEYS = "cctv-evidence-signing-keys";

    @Bean
    Footage footage(ServiceClients clients, @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String url) {
        return new HttpFootage(clients.forBaseUrl(url, Duration.ofSeconds(10)));
    }

    @Bean
    StorageEvidenceHolds evidenceHolds(ServiceClients clients,
            @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String url) {
        return new StorageEvidenceHolds(clients.forBaseUrl(url, Duration.ofSeconds(10)));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    Exports exports(Footage footage, StorageEvidenceHolds holds, JdbcClient jdbc, PlaybackSettings s,
            @Value("${cctv.security.service-secret}") String secret, GrantChecks grants, MeterRegistry registry,
            Environment environment, Clock clock) {
        java.util.function.Supplier<String> publicUrl = () -> environment.getProperty("cctv.playback.public-url", s.publicUrl());
        KeyPair keys = new JdbcSigningKeys(jdbc, SecretBox.create(null, secret, EVIDENCE_KEYS))
                .getOrCreate("evidence-manifests", EvidenceSignature::newKeyPair);
        String instance = ProcessHandle.current().pid() + "@" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new Exports(new JdbcExportJobs(jdbc), footage, holds, new FfmpegExportWriter(s.ffmpeg(), s.exportTimeout()),
                new EvidenceSignature(keys), UrlSigner.create(secret, EXPORT_URLS), new GrantedLinks(secret), grants,
                new Exports.Settings(s.exportMaxRange(), s.exportDirectory(), s.linkTtl(), publicUrl, s.exportWorkers(),
                        s.targetSegment(), instance), clock, registry);
    }

    @Bean
    Upstream upstream(ServiceClients clients, @Value("${cctv.services.vms.url:http://127.0.0.1:8081}") String url) {
        return new HttpUpstream(clients.forBaseUrl(url, Duration.ofSeconds(10)));
    }

    @Bean(destroyMethod = "close")
    RtspProxy rtspProxy() {
        return new RtspProxy();
    }

    @Bean(destroyMethod = "close")
    UpstreamCache upstreamCache(PlaybackSettings s, Upstream upstream, RtspProxy proxy, MeterRegistry registry) {
        return new UpstreamCache(new UpstreamCache.Settings(s.cacheDirectory(), s.cacheSize().toBytes(), s.upstreamPiece(),
                s.upstreamFetches()), upstream, new FfmpegPieceFetcher(s.ffmpeg(), proxy), registry);
    }

    /** Whether a link's grant still holds, asked of the api and kept at most {@code link-check-interval}. */
    @Bean
    GrantChecks grantChecks(ServiceClients clients, @Value("${cctv.services.api.url:http://127.0.0.1:8088}") String url,
            PlaybackSettings s) {
        return new GrantChecks(clients.forBaseUrl(url, Duration.ofSeconds(5)), s.linkCheckInterval());
    }

    @Bean
    Playback playback(Footage footage, Upstream upstream, UpstreamCache cache, PlaybackSettings s,
            @Value("${cctv.security.service-secret}") String secret, GrantChecks grants, MeterRegistry registry,
            Environment environment, Clock clock) {
        // Read when a URL is made: it may name this service's own port, known only once it listens.
        java.util.function.Supplier<String> publicUrl = () -> environment.getProperty("cctv.playback.public-url", s.publicUrl());
        return new Playback(footage, upstream, cache, UrlSigner.create(secret, PLAYLIST_URLS), new GrantedLinks(secret), grants,
                new Playback.Settings(publicUrl,
                s.minLocalCoverage(), s.maxRange(), s.linkTtl(), s.targetSegment(), s.upstreamMaxRange(),
                s.upstreamFirstSegmentTimeout(), s.fillGaps()), clock, registry);
    }
}
