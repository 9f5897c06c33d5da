package ae.rta.cctv.live.adapter.in.web;

import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.ProblemResponses;
import ae.rta.cctv.live.application.LiveMetrics;
import ae.rta.cctv.live.application.LivePulls;
import ae.rta.cctv.live.application.StreamAdmission;
import ae.rta.cctv.live.application.StreamAdmission.Admitted;
import ae.rta.cctv.live.domain.ViewerQueue;
import jakarta.websocket.Session;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /live/v1/streams/{reservation}/mse?variant=&sig=[&timing=1]}, upgraded to a WebSocket: admitted by the
 * signed URL while the reservation lives (refusals are plain problem+json answers before the upgrade), then fed by
 * the camera's pull.
 */
final class MseWebSocketHandler implements WebSocketHandler, HandshakeInterceptor {

    static final String PATH = "/live/v1/streams/*/mse";
    private static final String ADMITTED = "cctv.admitted";
    private static final String TIMING = "cctv.timing";
    private static final String VIEWER = "cctv.viewer";

    private final StreamAdmission admission;
    private final LivePulls pulls;
    private final LiveMetrics metrics;
    private final long maxLagNanos;
    private final long maxQueueBytes;
    private final long sendTimeoutMillis;
    private final java.util.Set<WebSocketViewer> viewers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    MseWebSocketHandler(StreamAdmission admission, LivePulls pulls, LiveMetrics metrics, long maxLagNanos,
            long maxQueueBytes, long sendTimeoutMillis) {
        this.admission = admission;
        this.pulls = pulls;
        this.metrics = metrics;
        this.maxLagNanos = maxLagNanos;
        this.maxQueueBytes = maxQueueBytes;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
            Map<String, Object> attributes) throws Exception {
        UriComponents uri = UriComponentsBuilder.fromUri(request.getURI()).build();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String reservation = path.replaceFirst("^/live/v1/streams/", "").replaceFirst("/mse$", "");
        try {
            Admitted admitted = admission.admit(reservation, uri.getQueryParams().getFirst("variant"),
                    decode(uri.getQueryParams().getFirst("sig")));
            attributes.put(ADMITTED, admitted);
            attributes.put(TIMING, "1".equals(uri.getQueryParams().getFirst("timing")));
            return true;
        } catch (ProblemException e) {
            if (response instanceof ServletServerHttpResponse servlet) {
                ProblemResponses.write(servlet.getServletResponse(), HttpStatus.valueOf(e.getStatusCode().value()),
                        e.getBody().getDetail());
            } else {
                response.setStatusCode(e.getStatusCode());
            }
            return false;
        }
    }

    private static String decode(String value) {
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
            Exception exception) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Admitted admitted = (Admitted) session.getAttributes().get(ADMITTED);
        Session socket = ((NativeWebSocketSession) session).getNativeSession(Session.class);
        WebSocketViewer viewer = new WebSocketViewer(session, socket, admitted.reservation(),
                new ViewerQueue(maxLagNanos, maxQueueBytes), metrics,
                Boolean.TRUE.equals(session.getAttributes().get(TIMING)), sendTimeoutMillis);
        session.getAttributes().put(VIEWER, viewer);
        viewers.add(viewer);
        viewer.start();
        pulls.attach(admitted.key(), viewer);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
        // Viewers only listen; what they send is ignored.
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        detach(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
        detach(session);
    }

    private void detach(WebSocketSession session) {
        Admitted admitted = (Admitted) session.getAttributes().get(ADMITTED);
        WebSocketViewer viewer = (WebSocketViewer) session.getAttributes().get(VIEWER);
        if (admitted != null && viewer != null) {
            viewers.remove(viewer);
            viewer.close(1000, "closed");
            pulls.detach(admitted.key(), viewer);
        }
    }

    /** Each second: viewers whose one send is stuck past the send timeout are closed. */
    @org.springframework.scheduling.annotation.Scheduled(initialDelay = 1000, fixedDelay = 1000)
    void closeStuckViewers() {
        long now = System.nanoTime();
        viewers.forEach(v -> v.closeIfStuck(now));
    }

    @Override
    public boolean supportsPartialMessages() {
        return false;
    }
}
