package ae.rta.cctv.live.adapter.out.janus;

import ae.rta.cctv.common.rtsp.UrlLogin;
import ae.rta.cctv.live.application.port.out.WebRtcGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Janus gateway's HTTP API (Janus 1.1, streaming plugin; wire facts in {@code docs/janus-wire-facts.md}). One
 * control session creates and destroys mountpoints; each viewer has its own session, long-polled on a virtual thread
 * (which also keeps it alive) so a hang-up from Janus ends the viewer at once. Every reply is HTTP 200, errors
 * included: core errors come as {@code janus:"error"}, plugin errors as {@code plugindata.data.error_code}.
 */
public final class JanusGateway implements WebRtcGateway {

    private static final Logger log = LoggerFactory.getLogger(JanusGateway.class);
    private static final String PLUGIN = "janus.plugin.streaming";
    private static final int NO_SUCH_SESSION = 458;
    private static final int NO_SUCH_HANDLE = 459;
    private static final int NO_SUCH_MOUNTPOINT = 455;
    private static final Duration LONG_POLL = Duration.ofSeconds(45); // Janus answers an idle poll after 30 s
    private static final long KEEPALIVE_NANOS = Duration.ofSeconds(20).toNanos(); // sessions time out after 60 s

    private final URI base;
    private final String apiSecret;
    private final String adminKey;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong transactions = new AtomicLong();
    private final Object controlLock = new Object();
    private Handle control;
    private long lastKeepalive;

    private record Handle(long session, long handle) {
    }

    /**
     * @param base the HTTP API's URL, such as {@code http://127.0.0.1:8188/janus}
     * @param apiSecret Janus's {@code api_secret}, empty when it has none
     * @param adminKey the streaming plugin's {@code admin_key} needed to create mountpoints, empty when it has none
     */
    public JanusGateway(URI base, String apiSecret, String adminKey, Duration requestTimeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.apiSecret = apiSecret == null ? "" : apiSecret;
        this.adminKey = adminKey == null ? "" : adminKey;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout).build();
    }

    @Override
    public String name() {
        return base.toString();
    }

    @Override
    public void createMountpoint(long id, String rtspUrl, String secret) {
        URI url;
        try {
            url = new URI(rtspUrl);
        } catch (java.net.URISyntaxException e) {
            throw new GatewayException(0, "the camera's stream URL is not a valid URI");
        }
        // The login goes in its own fields, not the URL: Janus then shows and logs the URL without it.
        UrlLogin login = UrlLogin.of(url);
        ObjectNode body = json.createObjectNode()
                .put("request", "create").put("type", "rtsp").put("id", id).put("name", "cctv-" + id)
                .put("url", UrlLogin.without(url).toString()).put("video", true).put("audio", false)
                .put("secret", secret).put("permanent", false).put("is_private", true)
                .put("rtsp_reconnect_delay", 2); // the default failcheck connects to the camera before answering
        if (login != null) {
            body.put("rtsp_user", login.username()).put("rtsp_pwd", login.password());
        }
        if (!adminKey.isEmpty()) {
            body.put("admin_key", adminKey);
        }
        onControl(c -> pluginData(message(c, body, null)));
    }

    @Override
    public void destroyMountpoint(long id, String secret) {
        ObjectNode body = json.createObjectNode().put("request", "destroy").put("id", id).put("secret", secret)
                .put("permanent", false);
        try {
            onControl(c -> pluginData(message(c, body, null)));
        } catch (NoSuchMountpointException gone) {
            // already gone (Janus restarted): nothing to do
        }
    }

    @Override
    public Subscriber watch(long id, Duration offerTimeout, Runnable ended) {
        long deadline = System.nanoTime() + offerTimeout.toNanos();
        Handle viewer = open();
        try {
            String tx = tx();
            JsonNode ack = post(path(viewer), envelope("message", tx).set("body",
                    json.createObjectNode().put("request", "watch").put("id", id)));
            expectAck(ack);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new GatewayException(0, "Janus sent no offer within " + offerTimeout);
                }
                for (JsonNode event : poll(viewer.session(), Duration.ofNanos(left))) {
                    String kind = event.path("janus").asString("");
                    if (kind.equals("hangup")) {
                        throw new GatewayException(0, "Janus hung up before offering: " + event.path("reason").asString(""));
                    }
                    if (kind.equals("event") && tx.equals(event.path("transaction").asString(""))) {
                        pluginData(event);
                        JsonNode jsep = event.path("jsep");
                        if (jsep.path("type").asString("").equals("offer")) {
                            JanusSubscriber subscriber = new JanusSubscriber(viewer, jsep.path("sdp").asString(""), ended);
                            subscriber.startPolling();
                            return subscriber;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            destroy(viewer.session());
            throw e;
        }
    }

    @Override
    public void tick() {
        Handle c;
        synchronized (controlLock) {
            c = control;
            if (c == null || System.nanoTime() - lastKeepalive < KEEPALIVE_NANOS) {
                return;
            }
            lastKeepalive = System.nanoTime();
        }
        try {
            post("/" + c.session(), envelope("keepalive", tx()));
        } catch (GatewayException e) {
            if (e.code() == NO_SUCH_SESSION) {
                dropControl(c);
            }
        } catch (UnreachableException e) {
            log.debug("Janus {} keepalive failed: {}", base, e.getMessage());
        }
    }

    /* Runs a request on the control session, opening it (again) when Janus lost it. */
    private JsonNode onControl(java.util.function.Function<Handle, JsonNode> request) {
        for (int attempt = 0; ; attempt++) {
            Handle c = control();
            try {
                return request.apply(c);
            } catch (GatewayException e) {
                if (attempt == 0 && (e.code() == NO_SUCH_SESSION || e.code() == NO_SUCH_HANDLE)
                        && !(e instanceof NoSuchMountpointException)) {
                    dropControl(c);
                    continue;
                }
                throw e;
            }
        }
    }

    private Handle control() {
        synchronized (controlLock) {
            if (control == null) {
                control = open();
                lastKeepalive = System.nanoTime();
            }
            return control;
        }
    }

    private void dropControl(Handle c) {
        synchronized (controlLock) {
            if (control == c) {
                control = null;
            }
        }
    }

    /* A new session with the streaming plugin attached. */
    private Handle open() {
        long session = post("", envelope("create", tx())).path("data").path("id").asLong();
        try {
            long handle = post("/" + session, envelope("attach", tx()).put("plugin", PLUGIN)).path("data").path("id").asLong();
            return new Handle(session, handle);
        } catch (RuntimeException e) {
            destroy(session);
            throw e;
        }
    }

    private void destroy(long session) {
        try {
            post("/" + session, envelope("destroy", tx()));
        } catch (RuntimeException ignored) {
            // gone already, or Janus is away: its session timeout ends it
        }
    }

    private JsonNode message(Handle h, ObjectNode body, ObjectNode jsep) {
        ObjectNode m = envelope("message", tx());
        m.set("body", body);
        if (jsep != null) {
            m.set("jsep", jsep);
        }
        return post(path(h), m);
    }

    private static String path(Handle h) {
        return "/" + h.session() + "/" + h.handle();
    }

    private ObjectNode envelope(String janus, String tx) {
        ObjectNode n = json.createObjectNode().put("janus", janus).put("transaction", tx);
        if (!apiSecret.isEmpty()) {
            n.put("apisecret", apiSecret);
        }
        return n;
    }

    private String tx() {
        return "cctv-" + transactions.incrementAndGet();
    }

    /* The plugin's answer, or its error as an exception. */
    private static JsonNode pluginData(JsonNode reply) {
        JsonNode data = reply.path("plugindata").path("data");
        if (data.has("error_code")) {
            int code = data.path("error_code").asInt();
            String error = "Janus streaming plugin error " + code + ": " + data.path("error").asString("");
            throw code == NO_SUCH_MOUNTPOINT ? new NoSuchMountpointException(error) : new GatewayException(code, error);
        }
        return data;
    }

    private static void expectAck(JsonNode reply) {
        if (!reply.path("janus").asString("").equals("ack")) {
            pluginData(reply); // a synchronous plugin error
            throw new GatewayException(0, "Janus did not acknowledge: " + reply.path("janus").asString(""));
        }
    }

    private JsonNode post(String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        JsonNode reply = parse(send(request), path);
        if (reply.path("janus").asString("").equals("error")) {
            JsonNode error = reply.path("error");
            throw new GatewayException(error.path("code").asInt(), "Janus error " + error.path("code").asInt() + ": "
                    + error.path("reason").asString(""));
        }
        return reply;
    }

    /* Events of a session, waiting up to {@code wait} for the first; none when the wait ends empty. */
    private Iterable<JsonNode> poll(long session, Duration wait) {
        StringBuilder uri = new StringBuilder(base + "/" + session + "?maxev=10&rid=" + System.nanoTime());
        if (!apiSecret.isEmpty()) {
            uri.append("&apisecret=").append(java.net.URLEncoder.encode(apiSecret, StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(wait).GET().build();
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (UnreachableException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return java.util.List.of(); // the wait ended with nothing to report
            }
            throw e;
        }
        if (response.statusCode() == 404) {
            throw new GatewayException(NO_SUCH_SESSION, "Janus has no session " + session);
        }
        JsonNode events = parse(response, "/" + session);
        return events.isArray() ? events : java.util.List.of(events);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnreachableException("Janus " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while asking Janus " + base, e);
        }
    }

    private JsonNode parse(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new UnreachableException("Janus " + base + path + " answered HTTP " + response.statusCode(), null);
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new UnreachableException("Janus " + base + path + " answered what is not JSON", e);
        }
    }

    /* One viewer's session: long-polled until it ends, which also keeps it alive. */
    private final class JanusSubscriber implements Subscriber {
        private final Handle handle;
        private final String offer;
        private final Runnable ended;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile Thread poller;

        JanusSubscriber(Handle handle, String offer, Runnable ended) {
            this.handle = handle;
            this.offer = offer;
            this.ended = ended;
        }

        void startPolling() {
            poller = Thread.ofVirtual().name("janus-viewer-" + handle.session()).start(this::pollUntilOver);
        }

        @Override
        public String offerSdp() {
            return offer;
        }

        @Override
        public void answer(String sdp) {
            ObjectNode jsep = json.createObjectNode().put("type", "answer").put("sdp", sdp);
            expectAck(message(handle, json.createObjectNode().put("request", "start"), jsep));
        }

        @Override
        public void hangup() {
            if (over.compareAndSet(false, true)) {
                Thread p = poller;
                if (p != null) {
                    p.interrupt();
                }
                destroy(handle.session()); // Janus hangs up the peer connection with it
            }
        }

        private void pollUntilOver() {
            int failures = 0;
            while (!over.get()) {
                try {
                    for (JsonNode event : poll(handle.session(), LONG_POLL)) {
                        String kind = event.path("janus").asString("");
                        String status = event.path("plugindata").path("data").path("result").path("status").asString("");
                        if (kind.equals("hangup") || kind.equals("detached") || status.equals("stopped")
                                || event.path("plugindata").path("data").has("error_code")) {
                            log.debug("Janus viewer session {} ends: {}", handle.session(), event);
                            end();
                            return;
                        }
                    }
                    failures = 0;
                } catch (GatewayException e) {
                    end(); // the session is gone
                    return;
                } catch (UnreachableException e) {
                    if (over.get() || ++failures >= 3) {
                        end();
                        return;
                    }
                    try {
                        Thread.sleep(1000L * failures); // back off before asking a struggling Janus again
                    } catch (InterruptedException interrupted) {
                        end();
                        return;
                    }
                }
            }
        }

        private void end() {
            if (over.compareAndSet(false, true)) {
                destroy(handle.session());
                ended.run();
            }
        }
    }
}
