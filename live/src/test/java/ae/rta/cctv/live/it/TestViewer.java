package ae.rta.cctv.live.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A WebSocket viewer as a player would be: it keeps every message, and with {@code timing=1} it pairs each
 * fragment with the server's frame notice to measure how long after ingest the fragment arrived.
 */
final class TestViewer implements WebSocket.Listener, AutoCloseable {

    /** A received fragment. @param latencyMillis arrival minus the server's ingest time (same clock: one machine) */
    record Received(byte[] bytes, double t, boolean keyframe, long latencyMillis) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final List<JsonNode> texts = new CopyOnWriteArrayList<>();
    final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    final List<Received> fragments = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();
    private JsonNode pendingFrame;
    private WebSocket socket;

    static TestViewer connect(String url) {
        TestViewer viewer = new TestViewer();
        viewer.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), viewer).orTimeout(10, TimeUnit.SECONDS).join();
        return viewer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (!last) {
            webSocket.request(1);
            return null;
        }
        JsonNode node = LiveSystem.JSON.readTree(partialText.toString());
        partialText.setLength(0);
        if ("frame".equals(node.get("type").asString())) {
            pendingFrame = node;
        } else {
            texts.add(node);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.writeBytes(chunk);
        if (last) {
            byte[] message = partial.toByteArray();
            partial.reset();
            binaries.add(message);
            if (pendingFrame != null && type(message).equals("moof")) {
                fragments.add(new Received(message, pendingFrame.get("t").asDouble(), pendingFrame.get("key").asBoolean(),
                        System.currentTimeMillis() - pendingFrame.get("at").asLong()));
                pendingFrame = null;
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    static String type(byte[] box) {
        return box.length < 8 ? "" : new String(box, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * A copy of the fragments received after the first {@code skip}. A copy, because the socket thread keeps appending
     * and a view of a {@link CopyOnWriteArrayList} fails once its list changes.
     */
    List<Received> since(int skip) {
        List<Received> all = List.copyOf(fragments);
        return all.size() <= skip ? List.of() : all.subList(skip, all.size());
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
