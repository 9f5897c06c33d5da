package ae.rta.cctv.live.adapter.in.web;

import ae.rta.cctv.live.LiveSettings;
import ae.rta.cctv.live.application.LiveMetrics;
import ae.rta.cctv.live.application.LivePulls;
import ae.rta.cctv.live.application.StreamAdmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The viewer-facing routes: the MSE WebSocket and LL-HLS. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebConfiguration {

    @Bean
    MseWebSocketHandler mseWebSocketHandler(StreamAdmission admission, LivePulls pulls, LiveMetrics metrics,
            LiveSettings settings) {
        return new MseWebSocketHandler(admission, pulls, metrics, settings.maxLag().toNanos(), settings.maxQueueBytes(),
                settings.sendTimeout().toMillis());
    }

    @Bean
    WebSocketConfigurer mseWebSocket(MseWebSocketHandler handler) {
        return (WebSocketHandlerRegistry registry) -> registry.addHandler(handler, MseWebSocketHandler.PATH)
                .addInterceptors(handler)
                .setAllowedOriginPatterns("*"); // the signed URL is the credential, whatever page holds it
    }
}
