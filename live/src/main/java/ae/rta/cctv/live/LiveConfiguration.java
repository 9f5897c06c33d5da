package ae.rta.cctv.live;

import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.rtsp.RtspProxy;
import ae.rta.cctv.common.security.LiveTickets;
import ae.rta.cctv.live.adapter.out.ffmpeg.FfmpegUpstream;
import ae.rta.cctv.live.adapter.out.http.HttpCameraStreams;
import ae.rta.cctv.live.adapter.out.http.HttpReservations;
import ae.rta.cctv.live.adapter.out.janus.JanusGateway;
import ae.rta.cctv.live.application.EndedReservations;
import ae.rta.cctv.live.application.LiveMetrics;
import ae.rta.cctv.live.application.LivePulls;
import ae.rta.cctv.live.application.StreamAdmission;
import ae.rta.cctv.live.application.WebRtcViewers;
import ae.rta.cctv.live.application.port.out.CameraStreams;
import ae.rta.cctv.live.application.port.out.Reservations;
import ae.rta.cctv.live.application.port.out.WebRtcGateway;
import ae.rta.cctv.live.domain.LlHlsWindow;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveSettings.class)
@EnableScheduling
class LiveConfiguration {

    @Bean
    LiveMetrics liveMetrics(MeterRegistry registry) {
        return new LiveMetrics(registry);
    }

    @Bean
    CameraStreams cameraStreams(ServiceClients clients, @Value("${cctv.services.vms.url:http://127.0.0.1:8081}") String url) {
        return new HttpCameraStreams(clients.forBaseUrl(url, Duration.ofSeconds(5)));
    }

    @Bean
    Reservations reservations(ServiceClients clients,
            @Value("${cctv.services.stream-counter.url:http://127.0.0.1:8087}") String url) {
        return new HttpReservations(clients.forBaseUrl(url, Duration.ofSeconds(3)));
    }

    /** FFmpeg reads cameras with a login through it, so the login is in no command line. */
    @Bean(destroyMethod = "close")
    RtspProxy rtspProxy() {
        return new RtspProxy();
    }

    @Bean(destroyMethod = "close")
    FfmpegUpstream upstream(LiveSettings settings, RtspProxy proxy) {
        return new FfmpegUpstream(settings.ffmpeg(), settings.stallTimeout(), proxy);
    }

    @Bean(destroyMethod = "close")
    LivePulls livePulls(CameraStreams cameras, FfmpegUpstream upstream, EndedReservations reservations, LiveMetrics metrics,
            LiveSettings s) {
        LlHlsWindow.Settings hls = new LlHlsWindow.Settings(s.partTarget().toNanos(), s.minSegment().toNanos(),
                s.maxSegment().toNanos(), 7, 3);
        return new LivePulls(cameras, upstream, reservations, metrics,
                new LivePulls.Settings(s.idleGrace(), s.hlsIdle(), s.maxBackoff(), s.gopBufferBytes(), hls), System::nanoTime);
    }

    @Bean(destroyMethod = "close")
    WebRtcViewers webRtcViewers(LiveSettings s, CameraStreams cameras, EndedReservations reservations, LiveMetrics metrics) {
        List<WebRtcGateway> gateways = s.janusUrls().stream().map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> (WebRtcGateway) new JanusGateway(URI.create(u), s.janusApiSecret(), s.janusAdminKey(), s.janusTimeout()))
                .toList();
        return new WebRtcViewers(gateways, cameras, reservations, metrics, new WebRtcViewers.Settings(s.idleGrace(),
                s.webrtcOfferTimeout(), s.webrtcAnswerTimeout(), Duration.ofSeconds(10)), System::nanoTime);
    }

    @Bean
    EndedReservations endedReservations(Reservations reservations, StreamAdmission admission, LiveMetrics metrics) {
        return new EndedReservations(reservations, admission, metrics);
    }

    @Bean
    StreamAdmission streamAdmission(@Value("${cctv.security.service-secret}") String secret, Reservations reservations) {
        return new StreamAdmission(new LiveTickets(secret), reservations, System::nanoTime, Duration.ofSeconds(1).toNanos());
    }

    @Bean
    Ticks liveTicks(LivePulls pulls, WebRtcViewers webrtc, StreamAdmission admission) {
        return new Ticks(pulls, webrtc, admission);
    }

    static final class Ticks {
        private final LivePulls pulls;
        private final WebRtcViewers webrtc;
        private final StreamAdmission admission;

        Ticks(LivePulls pulls, WebRtcViewers webrtc, StreamAdmission admission) {
            this.pulls = pulls;
            this.webrtc = webrtc;
            this.admission = admission;
        }

        @Scheduled(initialDelay = 1000, fixedDelay = 1000)
        void tick() {
            pulls.tick();
            webrtc.tick();
            admission.forgetStale();
        }
    }
}
