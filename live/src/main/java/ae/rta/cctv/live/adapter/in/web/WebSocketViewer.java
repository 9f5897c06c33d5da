package ae.rta.cctv.live.adapter.in.web;

import ae.rta.cctv.live.application.LiveMetrics;
import ae.rta.cctv.live.application.LivePulls;
import ae.rta.cctv.live.application.Viewer;
import ae.rta.cctv.live.domain.Fragment;
import ae.rta.cctv.live.domain.InitSection;
import ae.rta.cctv.live.domain.ViewerQueue;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One MSE viewer on a WebSocket. Messages: a text {@code {"type":"status"}} on upstream changes; a text
 * {@code {"type":"init","mime",...}} followed by the binary init section whenever a new upstream session begins;
 * then one binary message per fragment, the first at a keyframe (with {@code timing}, each preceded by a text
 * {@code {"type":"frame","t":decodeSeconds,"at":ingestEpochMillis,"key"}}).
 *
 * <p>The pull's thread only queues and wakes the viewer's own virtual thread, which does the sending. A viewer on a
 * slow link so blocks nobody but itself (Tomcat's "asynchronous" send still blocks its caller until the socket takes
 * some bytes); what waits for it is bounded by the {@link ViewerQueue}, and a send stuck past the send timeout
 * closes it.
 */
final class WebSocketViewer implements Viewer {

    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WebSocketSession session;
    private final RemoteEndpoint.Basic remote;
    private final String reservation;
    private final ViewerQueue queue;
    private final LiveMetrics metrics;
    private final boolean timing;
    private final ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread sender;
    private final long sendTimeoutNanos;
    private volatile long sendStartedNanos;
    private volatile boolean inSend;
    private final AtomicBoolean tooSlow = new AtomicBoolean();
    private int sentGeneration = -1;

    WebSocketViewer(WebSocketSession session, Session socket, String reservation, ViewerQueue queue, LiveMetrics metrics,
            boolean timing, long sendTimeoutMillis) {
        this.session = session;
        this.remote = socket.getBasicRemote();
        this.reservation = reservation;
        this.queue = queue;
        this.metrics = metrics;
        this.timing = timing;
        socket.getUserProperties().put(BLOCKING_SEND_TIMEOUT, sendTimeoutMillis);
        this.sendTimeoutNanos = sendTimeoutMillis * 1_000_000L;
        this.sender = Thread.ofVirtual().name("live-viewer-" + reservation).unstarted(this::send);
    }

    void start() {
        sender.start();
    }

    @Override
    public String reservation() {
        return reservation;
    }

    @Override
    public void offer(Fragment fragment) {
        if (closed.get()) {
            return;
        }
        if (queue.offer(fragment) == ViewerQueue.Offer.SKIPPED) {
            metrics.skipped();
        }
        LockSupport.unpark(sender);
    }

    @Override
    public void status(String state, String detail) {
        notices.add("{\"type\":\"status\",\"state\":\"" + state + "\"" + (detail == null ? "" : ",\"detail\":" + json(detail)) + "}");
        LockSupport.unpark(sender);
    }

    /* The viewer's sending loop, on its own virtual thread. */
    private void send() {
        try {
            while (!closed.get()) {
                String notice = notices.poll();
                if (notice != null) {
                    text(notice);
                    continue;
                }
                Fragment f = queue.poll();
                if (f == null) {
                    LockSupport.park(this);
                    continue;
                }
                InitSection init = f.init();
                if (init.generation() != sentGeneration) {
                    text("{\"type\":\"init\",\"mime\":" + json(init.mimeType()) + ",\"codecs\":"
                            + json(init.codecs()) + ",\"width\":" + init.width() + ",\"height\":" + init.height()
                            + ",\"generation\":" + init.generation() + "}");
                    binary(init.bytes().duplicate());
                    sentGeneration = init.generation();
                }
                if (timing) {
                    text(frameNotice(f));
                }
                binary(f.bytes().duplicate());
                metrics.sent(f, System.nanoTime());
            }
        } catch (IOException | RuntimeException e) {
            // Tomcat reports a send that ran out of time in several shapes (and may close the session first);
            // the clock says it plainly.
            if (System.nanoTime() - sendStartedNanos >= sendTimeoutNanos * 9 / 10) {
                closeTooSlow();
            } else {
                close(1011, "send failed");
            }
        }
    }

    private void closeTooSlow() {
        if (tooSlow.compareAndSet(false, true)) {
            metrics.closedSlow();
        }
        close(LivePulls.CLOSE_TOO_SLOW, "the viewer did not keep up");
    }

    private void text(String message) throws IOException {
        sendStartedNanos = System.nanoTime();
        inSend = true;
        try {
            remote.sendText(message);
        } finally {
            inSend = false;
        }
    }

    private void binary(ByteBuffer message) throws IOException {
        sendStartedNanos = System.nanoTime();
        inSend = true;
        try {
            remote.sendBinary(message);
        } finally {
            inSend = false;
        }
    }

    /**
     * Closes the viewer when one send has been stuck past the send timeout (a link that takes nothing): the
     * container's own write timeout is not relied on. Closing the session ends the stuck write.
     */
    void closeIfStuck(long nowNanos) {
        if (inSend && nowNanos - sendStartedNanos > sendTimeoutNanos) {
            closeTooSlow();
        }
    }

    private static String frameNotice(Fragment f) {
        return String.format(Locale.ROOT, "{\"type\":\"frame\",\"t\":%.6f,\"at\":%d,\"key\":%b}", f.decodeSeconds(),
                f.ingestEpochMillis(), f.keyframe());
    }

    @Override
    public void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            if (code != 1000) {
                org.slf4j.LoggerFactory.getLogger(WebSocketViewer.class).info("viewer {} closed: {} {}", reservation, code, reason);
            }
            LockSupport.unpark(sender);
            Thread.ofVirtual().start(() -> {
                try {
                    session.close(new CloseStatus(code, reason));
                } catch (IOException | RuntimeException ignored) {
                    // already gone
                }
            });
        }
    }

    static String json(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
