package ae.rta.cctv.api;

import ae.rta.cctv.api.adapter.out.oidc.OidcIdentityProvider;
import ae.rta.cctv.api.adapter.out.http.HttpServiceGateway;
import ae.rta.cctv.api.adapter.out.redis.Bucket4jRateLimiter;
import ae.rta.cctv.api.adapter.out.streamcounter.HttpStreamCounter;
import ae.rta.cctv.api.adapter.out.vms.HttpPtzGateway;
import ae.rta.cctv.api.adapter.out.vms.VmsCameraDirectory;
import ae.rta.cctv.api.application.AccessTokens;
import ae.rta.cctv.api.application.AuditTrail;
import ae.rta.cctv.api.application.BookmarkControl;
import ae.rta.cctv.api.application.CameraAdministration;
import ae.rta.cctv.api.application.IncidentControl;
import ae.rta.cctv.api.application.SearchControl;
import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.application.BearerAuthenticator;
import ae.rta.cctv.api.application.LiveStreams;
import ae.rta.cctv.api.application.LoginThrottle;
import ae.rta.cctv.api.application.ScopeProbes;
import ae.rta.cctv.api.application.CameraRecording;
import ae.rta.cctv.api.application.PtzCommands;
import ae.rta.cctv.api.application.QuotaAdministration;
import ae.rta.cctv.api.application.SystemMonitoring;
import ae.rta.cctv.api.adapter.out.metrics.PrometheusSystemFigures;
import ae.rta.cctv.api.application.ExportControl;
import ae.rta.cctv.api.application.LinkGrants;
import ae.rta.cctv.api.application.port.out.GrantStore;
import ae.rta.cctv.common.security.GrantedLinks;
import ae.rta.cctv.api.application.PlaybackControl;
import ae.rta.cctv.api.application.CameraEvents;
import ae.rta.cctv.api.application.RecordingControl;
import ae.rta.cctv.api.application.Passwords;
import ae.rta.cctv.api.application.SignInService;
import ae.rta.cctv.api.application.SigningKeyring;
import ae.rta.cctv.api.application.UserAdministration;
import ae.rta.cctv.api.application.VisibleCameras;
import ae.rta.cctv.api.application.port.out.AuditLog;
import ae.rta.cctv.api.application.port.out.CameraDirectory;
import ae.rta.cctv.api.application.port.out.ExternalIdentityProvider;
import ae.rta.cctv.api.application.port.out.RateLimiter;
import ae.rta.cctv.api.application.port.out.SessionStore;
import ae.rta.cctv.api.application.port.out.SigningKeyStore;
import ae.rta.cctv.api.application.port.out.StreamCounter;
import ae.rta.cctv.api.application.port.out.UserRepository;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.redis.RedisConnector;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the api service's use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
@EnableScheduling
class ApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    @Bean
    AgencyCode authorityAgency(ApiSettings settings) {
        return new AgencyCode(settings.authorityAgency());
    }

    @Bean
    Passwords passwords(ApiSettings settings) {
        return new Passwords(settings.argon2().memoryKib(), settings.argon2().iterations());
    }

    @Bean
    SigningKeyring signingKeyring(SigningKeyStore store, Clock clock, ApiSettings settings,
            @Value("${cctv.security.service-secret}") String secret) {
        return new SigningKeyring(store, clock, settings.keyRotationInterval(), settings.accessTokenTtl(), secret);
    }

    @Bean
    AccessTokens accessTokens(SigningKeyring keys, SessionStore sessions, ApiSettings settings, Clock clock) {
        return new AccessTokens(keys, sessions, settings.issuer(), settings.accessTokenTtl(),
                settings.sessionCheckInterval(), clock);
    }

    /** Accepts the api's own tokens, and the authority IAM's when {@code cctv.api.oidc.issuer} is set. */
    @Bean
    BearerAuthenticator bearerAuthenticator(AccessTokens tokens, ApiSettings settings, Clock clock) {
        ApiSettings.Oidc oidc = settings.oidc();
        if (!oidc.enabled()) {
            return new BearerAuthenticator(tokens, Optional.empty());
        }
        if (oidc.jwksUri() == null) {
            throw new IllegalStateException("cctv.api.oidc.issuer is set: cctv.api.oidc.jwks-uri (CCTV_API_OIDC_JWKS_URI) must be set too");
        }
        ExternalIdentityProvider provider = new OidcIdentityProvider(new OidcIdentityProvider.Settings(oidc.issuer(),
                oidc.jwksUri(), oidc.audience(), oidc.usernameClaim(), oidc.roleClaim(), oidc.agencyClaim(),
                oidc.roleMapping()), clock);
        log.info("accepting access tokens of the identity provider {}", oidc.issuer());
        return new BearerAuthenticator(tokens, Optional.of(provider));
    }

    @Bean(destroyMethod = "close")
    Bucket4jRateLimiter rateLimiter(RedisConnector redis, MeterRegistry registry) {
        return new Bucket4jRateLimiter(redis, registry);
    }

    @Bean
    LoginThrottle loginThrottle(RateLimiter limiter, ApiSettings settings) {
        return new LoginThrottle(limiter, settings.login().maxFailuresPerUserAndAddress(), settings.login().maxFailuresPerAddress(),
                settings.login().window());
    }

    @Bean
    AuditTrail auditTrail(AuditLog log, Clock clock, AgencyCode authorityAgency) {
        return new AuditTrail(log, clock, authorityAgency);
    }

    @Bean
    SignInService signInService(UserRepository users, SessionStore sessions, AccessTokens tokens, Passwords passwords,
            LoginThrottle throttle, AuditTrail audit, ApiSettings settings, Clock clock) {
        return new SignInService(users, sessions, tokens, passwords, throttle, audit, settings.refreshTokenTtl(), clock);
    }

    @Bean
    CameraDirectory cameraDirectory(ServiceClients clients, ApiSettings settings,
            @Value("${cctv.services.vms.url:http://127.0.0.1:8081}") String vmsUrl) {
        return new VmsCameraDirectory(clients.forBaseUrl(vmsUrl, Duration.ofSeconds(5)), settings.cameraRefresh(),
                Duration.ofMinutes(5));
    }

    @Bean
    CameraRecording cameraRecording(ServiceClients clients,
            @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String storageUrl,
            @Value("${cctv.services.recording.url:http://127.0.0.1:8083}") String recordingUrl) {
        return new CameraRecording(new ae.rta.cctv.api.adapter.out.recording.HttpRecordingStates(
                clients.forBaseUrl(storageUrl, Duration.ofSeconds(5)), clients.forBaseUrl(recordingUrl, Duration.ofSeconds(5)),
                Duration.ofSeconds(3), Duration.ofMinutes(2)));
    }

    @Bean
    ScopeProbes scopeProbes(AuditTrail audit, RateLimiter limiter) {
        return new ScopeProbes(audit, limiter, 10, Duration.ofMinutes(10));
    }

    @Bean
    VisibleCameras visibleCameras(CameraDirectory directory, ScopeProbes probes) {
        return new VisibleCameras(directory, probes);
    }

    @Bean
    CameraAdministration cameraAdministration(CameraDirectory directory, VisibleCameras cameras, AuditTrail audit) {
        return new CameraAdministration(directory, cameras, audit);
    }

    @Bean
    PtzCommands ptzCommands(VisibleCameras cameras, ServiceClients clients, AuditTrail audit,
            @Value("${cctv.services.vms.url:http://127.0.0.1:8081}") String vmsUrl) {
        return new PtzCommands(cameras, new HttpPtzGateway(clients.forBaseUrl(vmsUrl, Duration.ofSeconds(10))), audit);
    }

    @Bean
    CameraEvents cameraEvents(VisibleCameras cameras, ServiceClients clients,
            @Value("${cctv.services.vms.url:http://127.0.0.1:8081}") String vmsUrl) {
        return new CameraEvents(cameras, new ae.rta.cctv.api.adapter.out.vms.HttpCameraEventLog(
                clients.forBaseUrl(vmsUrl, Duration.ofSeconds(10))));
    }

    @Bean
    RecordingControl recordingControl(VisibleCameras cameras, ServiceClients clients, AuditTrail audit,
            CameraRecording cameraRecording, Clock clock,
            @Value("${cctv.services.recording.url:http://127.0.0.1:8083}") String recordingUrl,
            @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String storageUrl) {
        return new RecordingControl(cameras,
                new HttpServiceGateway("recording", clients.forBaseUrl(recordingUrl, Duration.ofSeconds(10))),
                new HttpServiceGateway("storage", clients.forBaseUrl(storageUrl, Duration.ofSeconds(10))), audit,
                cameraRecording, clock);
    }

    @Bean
    SystemMonitoring systemMonitoring(VisibleCameras cameras, ServiceClients clients,
            @Value("${cctv.services.recording.url:http://127.0.0.1:8083}") String recordingUrl,
            @Value("${cctv.services.storage.url:http://127.0.0.1:8082}") String storageUrl) {
        return new SystemMonitoring(cameras, new PrometheusSystemFigures(Map.of(
                "recording", clients.forBaseUrl(recordingUrl, Duration.ofSeconds(3)),
                "storage", clients.forBaseUrl(storageUrl, Duration.ofSeconds(3)))));
    }

    @Bean
    ServiceGateway playbackGateway(ServiceClients clients,
            @Value("${cctv.services.playback.url:http://127.0.0.1:8090}") String url) {
        return new HttpServiceGateway("playback", clients.forBaseUrl(url, Duration.ofSeconds(10)));
    }

    @Bean
    LinkGrants linkGrants(GrantStore store, SessionStore sessions, VisibleCameras cameras, AuditTrail audit,
            @Value("${cctv.security.service-secret}") String secret,
            @Value("${cctv.playback.link-ttl:PT5M}") Duration linkTtl, Clock clock) {
        return new LinkGrants(store, sessions, cameras, audit, new GrantedLinks(secret), linkTtl, clock);
    }

    /** Forgets link grants too old to be honoured. */
    @Bean
    GrantPurge grantPurge(LinkGrants grants) {
        return new GrantPurge(grants);
    }

    static final class GrantPurge {
        private final LinkGrants grants;

        GrantPurge(LinkGrants grants) {
            this.grants = grants;
        }

        @Scheduled(initialDelay = 600_000, fixedDelay = 3_600_000)
        void purge() {
            try {
                grants.purge();
            } catch (RuntimeException e) {
                log.warn("old link grants not purged; retried in an hour: {}", e.toString());
            }
        }
    }

    @Bean
    ExportControl exportControl(VisibleCameras cameras, ServiceGateway playbackGateway, AuditTrail audit, LinkGrants grants) {
        return new ExportControl(cameras, playbackGateway, audit, grants);
    }

    @Bean
    PlaybackControl playbackControl(VisibleCameras cameras, ServiceGateway playbackGateway, AuditTrail audit,
            LinkGrants grants) {
        return new PlaybackControl(cameras, playbackGateway, audit, grants);
    }

    @Bean
    ServiceGateway metadataGateway(ServiceClients clients,
            @Value("${cctv.services.metadata.url:http://127.0.0.1:8084}") String url) {
        return new HttpServiceGateway("metadata", clients.forBaseUrl(url, Duration.ofSeconds(10)));
    }

    @Bean
    IncidentControl incidentControl(VisibleCameras cameras, ServiceGateway metadataGateway, UserRepository users,
            AuditTrail audit, ApiSettings settings) {
        return new IncidentControl(cameras, metadataGateway, users, audit, settings.oidc().enabled());
    }

    @Bean
    BookmarkControl bookmarkControl(VisibleCameras cameras, ServiceGateway metadataGateway, AuditTrail audit) {
        return new BookmarkControl(cameras, metadataGateway, audit);
    }

    @Bean
    SearchControl searchControl(VisibleCameras cameras, ServiceGateway metadataGateway) {
        return new SearchControl(cameras, metadataGateway);
    }

    @Bean
    StreamCounter streamCounter(ServiceClients clients,
            @Value("${cctv.services.stream-counter.url:http://127.0.0.1:8087}") String url) {
        return new HttpStreamCounter(clients.forBaseUrl(url, Duration.ofSeconds(5)));
    }

    @Bean
    LiveStreams liveStreams(VisibleCameras cameras, ScopeProbes probes, StreamCounter counter, AuditTrail audit,
            @Value("${cctv.api.live-public-url:http://127.0.0.1:8085}") String livePublicUrl,
            @Value("${cctv.security.service-secret}") String secret,
            @Value("${cctv.live.janus-urls:}") String janusUrls) {
        return new LiveStreams(cameras, probes, counter, audit, livePublicUrl,
                new ae.rta.cctv.common.security.LiveTickets(secret), !janusUrls.isBlank());
    }

    @Bean
    QuotaAdministration quotaAdministration(StreamCounter counter, VisibleCameras cameras, AuditTrail audit) {
        return new QuotaAdministration(counter, cameras, audit);
    }

    @Bean
    UserAdministration userAdministration(UserRepository users, SessionStore sessions, AccessTokens tokens,
            Passwords passwords, AuditTrail audit, CameraDirectory directory, AgencyCode authorityAgency, Clock clock) {
        return new UserAdministration(users, sessions, tokens, passwords, audit, directory, authorityAgency, clock);
    }

    /** Rotates the signing key when it is due, and makes the first one at start-up. */
    @Bean
    KeyRotation keyRotation(SigningKeyring keys) {
        return new KeyRotation(keys);
    }

    static final class KeyRotation {
        private final SigningKeyring keys;

        KeyRotation(SigningKeyring keys) {
            this.keys = keys;
        }

        @Scheduled(initialDelay = 0, fixedDelay = 60_000)
        void rotateIfDue() {
            try {
                if (keys.rotateIfDue()) {
                    log.info("access-token signing key rotated");
                }
            } catch (RuntimeException e) {
                log.warn("signing-key rotation check failed; retried in a minute: {}", e.toString());
            }
        }
    }

    /** Demo mode only: the users of API.md, all with the demo password. Outside demo mode nobody is seeded. */
    @Bean
    @ConditionalOnProperty(name = "cctv.demo", havingValue = "true")
    ApplicationRunner seedDemoUsers(UserAdministration users, AgencyCode authorityAgency,
            @Value("${cctv.demo-password}") String password) {
        return args -> {
            record Demo(String username, String displayName, Role role, String agency) {
            }
            for (Demo d : new Demo[] {
                    new Demo("admin", "Administrator", Role.ADMIN, authorityAgency.value()),
                    new Demo("police.operator", "Police operator", Role.OPERATOR, "DUBAI_POLICE"),
                    new Demo("metro.viewer", "Metro viewer", Role.VIEWER, "METRO"),
                    new Demo("auditor", "Auditor", Role.AUDITOR, authorityAgency.value())}) {
                if (users.ensure(new UserAdministration.NewUser(d.username(), d.displayName(), password, d.role(),
                        new AgencyCode(d.agency())))) {
                    log.info("demo user {} ({}, {}) created", d.username(), d.role(), d.agency());
                }
            }
        };
    }
}
