package ae.rta.cctv.api.application;

import ae.rta.cctv.common.domain.StreamVariant;

import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.application.port.out.StreamCounter;
import ae.rta.cctv.api.application.port.out.StreamCounter.QuotaFullException;
import ae.rta.cctv.api.application.port.out.StreamCounter.Reservation;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.LiveTickets;
import ae.rta.cctv.common.web.ProblemException;
import java.time.Instant;
import java.util.Map;

/**
 * Opening, keeping and closing live streams: a stream is a quota reservation on a camera the caller may see.
 * Starting and stopping are audited; a refusal names the full limit and its numbers.
 */
public final class LiveStreams {

    private final VisibleCameras cameras;
    private final ScopeProbes probes;
    private final StreamCounter counter;
    private final AuditTrail audit;
    private final String livePublicUrl;
    private final LiveTickets tickets;
    private final boolean webrtc;

    /**
     * @param livePublicUrl where browsers reach the live service, e.g. {@code http://127.0.0.1:8085}
     * @param webrtc whether the live service has Janus gateways to hand WebRTC viewers to
     */
    public LiveStreams(VisibleCameras cameras, ScopeProbes probes, StreamCounter counter, AuditTrail audit,
            String livePublicUrl, LiveTickets tickets, boolean webrtc) {
        this.cameras = cameras;
        this.probes = probes;
        this.counter = counter;
        this.audit = audit;
        this.tickets = tickets;
        this.webrtc = webrtc;
        this.livePublicUrl = livePublicUrl.endsWith("/") ? livePublicUrl.substring(0, livePublicUrl.length() - 1) : livePublicUrl;
    }

    /** A started stream and where to play it. @param heartbeatSeconds how often the player must heartbeat */
    public record Stream(String id, CameraId camera, AgencyCode agency, Instant expiresAt, long heartbeatSeconds,
            Map<String, String> urls) {
    }

    /**
     * @param requestId the client's idempotency key: a retried start returns the same stream
     * @throws ProblemException 404 for a camera the caller does not see, 429 naming the full limit, 503 when the
     *     counts cannot be checked
     */
    public Stream start(Caller caller, CameraId cameraId, StreamVariant variant, String requestId, RequestOrigin origin) {
        CameraSummary camera = cameras.get(caller, cameraId);
        Reservation r;
        try {
            r = counter.reserve(camera.agency(), camera.id(), caller.subject() + ":" + requestId, caller.subject());
        } catch (QuotaFullException e) {
            audit.record(caller, AuditAction.STREAM_START, camera.id().toString(), AuditOutcome.DENIED,
                    e.scope() + " limit full: " + e.active() + " of " + e.limit(), origin);
            throw ProblemException.tooManyRequests(e.getMessage(), 5, Map.of("scope", e.scope(), "limit", e.limit(),
                    "active", e.active(), "agency", camera.agency().value()));
        } catch (StreamCounter.UnavailableException e) {
            throw unavailable();
        }
        audit.record(caller, AuditAction.STREAM_START, camera.id().toString(), AuditOutcome.SUCCESS,
                "reservation " + r.id(), origin);
        return new Stream(r.id(), camera.id(), camera.agency(), r.expiresAt(), Math.max(1, r.ttlSeconds() / 3),
                urls(r.id(), variant));
    }

    /** Where to play a stream: signed for its reservation and variant, worth nothing once the reservation ends. */
    private Map<String, String> urls(String reservation, StreamVariant variant) {
        String base = livePublicUrl + "/live/v1/streams/" + reservation;
        String query = "?" + tickets.query(reservation, variant.name().toLowerCase(java.util.Locale.ROOT));
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        urls.put("mse", base.replaceFirst("^http", "ws") + "/mse" + query);
        urls.put("hls", base + "/index.m3u8" + query);
        if (webrtc) {
            urls.put("webrtc", base + "/webrtc" + query);
        }
        return urls;
    }

    /**
     * Keeps the caller's own stream alive: a stream is bound to the user who started it, so another user of the same
     * agency cannot keep it (nor, by failing to, learn anything about it).
     *
     * @throws ProblemException 404 once lapsed or released, or when not the caller's own; 503 as start
     */
    public Instant heartbeat(Caller caller, String streamId) {
        requireVisible(caller, streamId);
        try {
            return counter.heartbeat(streamId, caller.subject()).orElseThrow(LiveStreams::gone);
        } catch (StreamCounter.UnavailableException e) {
            throw unavailable();
        }
    }

    /**
     * Ends the caller's own stream; an ADMIN may end anyone's, and that is audited as such.
     *
     * @throws ProblemException 404 once lapsed or released, or when neither the caller's own nor an ADMIN's to end;
     *     503 as start
     */
    public void stop(Caller caller, String streamId, RequestOrigin origin) {
        CameraId camera = requireVisible(caller, streamId);
        boolean released;
        boolean anothersStream = false;
        try {
            released = counter.release(streamId, caller.subject());
            if (!released && caller.role() == Role.ADMIN) {
                released = counter.release(streamId, null);
                anothersStream = released;
            }
        } catch (StreamCounter.UnavailableException e) {
            throw unavailable();
        }
        if (!released) {
            throw gone();
        }
        audit.record(caller, AuditAction.STREAM_STOP, camera.toString(), AuditOutcome.SUCCESS,
                "reservation " + streamId + (anothersStream ? " (another user's stream, ended by an administrator)" : ""),
                origin);
    }

    /* A stream id names its agency and camera; another agency's stream does not exist for the caller. */
    private CameraId requireVisible(Caller caller, String streamId) {
        ae.rta.cctv.common.domain.ReservationId id = ae.rta.cctv.common.domain.ReservationId.tryParse(streamId)
                .orElseThrow(() -> new IllegalArgumentException("not a stream id"));
        if (!caller.sees(id.agency())) {
            probes.outOfScope(caller, "a live stream", streamId);
            throw gone();
        }
        return id.camera();
    }

    private static ProblemException gone() {
        return ProblemException.notFound("No live stream has that id: it was released or lapsed without heartbeats.");
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable(
                "Live-stream quotas cannot be checked now (stream-counter or its Redis does not answer); try again shortly.");
    }
}
