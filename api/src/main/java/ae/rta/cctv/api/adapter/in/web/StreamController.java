package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.common.domain.StreamVariant;

import ae.rta.cctv.api.application.LiveStreams;
import ae.rta.cctv.api.application.QuotaAdministration;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.application.port.out.StreamCounter.Quota;
import ae.rta.cctv.api.application.port.out.StreamCounter.Quotas;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StreamController {

    private final LiveStreams streams;
    private final QuotaAdministration quotas;
    private final java.time.Clock clock;

    StreamController(LiveStreams streams, QuotaAdministration quotas, java.time.Clock clock) {
        this.streams = streams;
        this.quotas = quotas;
        this.clock = clock;
    }

    record StartStream(String cameraId, String variant) {
    }

    record StreamView(String id, String cameraId, String agency, Instant expiresAt, long heartbeatSeconds,
            Map<String, String> urls) {
    }

    record LimitChange(Integer limit) {
    }

    record SettingsChange(Integer cameraLimit, Integer globalLimit) {
    }

    record QuotaView(String agency, int limit, int active) {
        static QuotaView of(Quota q) {
            return new QuotaView(q.agency().value(), q.limit(), q.active());
        }
    }

    @Operation(summary = "Open a live stream: reserves the agency's quota and the camera's viewer slot",
            description = "variant: main (default) or sub, the camera's smaller stream for grid tiles. The urls are signed "
                    + "for this reservation and stop working when it is released or lapses. 429 names the full limit "
                    + "(scope agency, camera or global), the limit and how many are active. Send Idempotency-Key to make a retried request return the same stream.")
    @PostMapping("/api/v1/streams")
    ResponseEntity<StreamView> start(Caller caller, @RequestBody StartStream body, RequestOrigin origin,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (body.cameraId() == null) {
            throw new IllegalArgumentException("cameraId is required");
        }
        String requestId = Params.text("Idempotency-Key", idempotencyKey, 80);
        StreamVariant variant = StreamVariant.parse(body.variant());
        LiveStreams.Stream s = streams.start(caller, CameraId.parse(body.cameraId()), variant,
                requestId == null ? UUID.randomUUID().toString() : requestId, origin);
        return ResponseEntity.created(URI.create("/api/v1/streams/" + s.id())).body(new StreamView(s.id(),
                s.camera().toString(), s.agency().value(), s.expiresAt(), s.heartbeatSeconds(), s.urls()));
    }

    @Operation(summary = "Keep a live stream: without a heartbeat within its time to live it is released by itself")
    @PostMapping("/api/v1/streams/{id}/heartbeat")
    Map<String, Instant> heartbeat(Caller caller, @PathVariable String id) {
        return Map.of("expiresAt", streams.heartbeat(caller, id));
    }

    @Operation(summary = "Close a live stream and free its quota")
    @DeleteMapping("/api/v1/streams/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stop(Caller caller, @PathVariable String id, RequestOrigin origin) {
        streams.stop(caller, id, origin);
    }

    @Operation(summary = "Live-stream quotas: the caller's agency (every agency for ADMIN), with limits and live counts")
    @GetMapping("/api/v1/quotas")
    Map<String, Object> quotas(Caller caller) {
        Quotas q = quotas.quotas(caller);
        List<QuotaView> items = q.items().stream().map(QuotaView::of).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", items.size());
        body.put("cameraLimit", q.cameraLimit());
        body.put("globalLimit", q.globalLimit());
        body.put("heartbeatSeconds", Math.max(1, q.ttlSeconds() / 3));
        return body;
    }

    @Operation(summary = "Live streams per agency against its limit over the last hours, one sample a minute",
            description = "hours: 1 to 48 (default 24). The caller's agency (every agency for ADMIN): {from, to, stepSeconds, "
                    + "items:[{agency, samples:[{time, active, limit}]}]}. A minute the counts could not be read has no sample.")
    @GetMapping("/api/v1/quotas/history")
    Map<String, Object> history(Caller caller, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "24") int hours) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
        java.time.Duration span = java.time.Duration.ofHours(hours);
        List<Map<String, Object>> items = quotas.history(caller, span, now).stream().map(h -> Map.<String, Object>of(
                "agency", h.agency().value(),
                "samples", h.samples().stream().map(s -> Map.of("time", s.time(), "active", s.active(), "limit", s.limit())).toList()))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", now.minus(span));
        body.put("to", now);
        body.put("stepSeconds", 60);
        body.put("items", items);
        return body;
    }

    @Operation(summary = "Set an agency's concurrent live-stream limit (ADMIN; audited)",
            description = "Lowering it below the live count admits nobody new until the count drops under it.")
    @PutMapping("/api/v1/quotas/{agency}")
    QuotaView setLimit(Caller caller, @PathVariable String agency, @RequestBody LimitChange body, RequestOrigin origin) {
        if (body.limit() == null) {
            throw new IllegalArgumentException("limit is required");
        }
        return QuotaView.of(quotas.setAgencyLimit(caller, Params.agency(agency), body.limit(), origin));
    }

    @Operation(summary = "Set the viewer limit of every camera and the optional global stream limit (ADMIN; audited)")
    @PutMapping("/api/v1/quota-settings")
    Map<String, Object> setSettings(Caller caller, @RequestBody SettingsChange body, RequestOrigin origin) {
        if (body.cameraLimit() == null) {
            throw new IllegalArgumentException("cameraLimit is required");
        }
        quotas.setSettings(caller, body.cameraLimit(), body.globalLimit(), origin);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cameraLimit", body.cameraLimit());
        view.put("globalLimit", body.globalLimit());
        return view;
    }
}
