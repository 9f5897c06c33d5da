package ae.rta.cctv.streamcounter.adapter.in.web;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.streamcounter.application.StreamQuotas;
import ae.rta.cctv.streamcounter.application.StreamQuotas.Quota;
import ae.rta.cctv.streamcounter.application.port.out.QuotaStore.QuotaStoreUnavailableException;
import ae.rta.cctv.streamcounter.domain.QuotaSettings;
import ae.rta.cctv.common.domain.ReservationId;
import ae.rta.cctv.streamcounter.domain.ReserveResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import ae.rta.cctv.common.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reservations and limits for the api service (service credential required, like every /internal route). */
@RestController
class InternalQuotaController {

    private final StreamQuotas quotas;
    private final MeterRegistry registry;

    InternalQuotaController(StreamQuotas quotas, MeterRegistry registry) {
        this.quotas = quotas;
        this.registry = registry;
    }

    /** @param owner who holds the reservation (heartbeats and releases must name them), or null for anyone */
    record ReserveRequest(String agency, String cameraId, String requestId, String owner) {
    }

    record Reservation(String id, String agency, String cameraId, Instant expiresAt, long ttlSeconds) {
    }

    static final int MAX_LIVE_QUERY = 10_000;

    record LimitRequest(Integer limit) {
    }

    record SettingsRequest(Integer cameraLimit, Integer globalLimit) {
    }

    @PostMapping("/internal/reservations")
    ResponseEntity<Reservation> reserve(@RequestBody ReserveRequest body,
            @RequestHeader(name = "X-Request-Id", required = false) String fallbackRequestId) {
        AgencyCode agency = new AgencyCode(required("agency", body.agency()));
        CameraId camera = CameraId.parse(required("cameraId", body.cameraId()));
        String requestId = body.requestId() != null ? body.requestId() : fallbackRequestId;
        if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
            throw new IllegalArgumentException("requestId must be 1 to 128 characters");
        }
        if (body.owner() != null && (body.owner().isBlank() || body.owner().length() > 128)) {
            throw new IllegalArgumentException("owner must be 1 to 128 characters");
        }
        return switch (quotas.reserve(agency, camera, requestId, body.owner())) {
            case ReserveResult.Granted g -> ResponseEntity.status(HttpStatus.CREATED).body(new Reservation(g.id().toString(),
                    agency.value(), camera.toString(), g.expiresAt(), quotas.ttl().toSeconds()));
            case ReserveResult.Rejected r -> throw ProblemException.tooManyRequests(switch (r.scope()) {
                case AGENCY -> "The agency " + agency + " holds " + r.active() + " live streams, its limit of " + r.limit() + ".";
                case CAMERA -> "The camera has " + r.active() + " viewers, its limit of " + r.limit() + ".";
                case GLOBAL -> "The system carries " + r.active() + " live streams, its limit of " + r.limit() + ".";
            } + " Try again when one is released.", 5, Map.of("scope", r.scope().name().toLowerCase(Locale.ROOT),
                    "limit", r.limit(), "active", r.active(), "agency", agency.value()));
        };
    }

    /* ?owner= names who asks; without it the call is made as anyone (an administrator's). */
    @PostMapping("/internal/reservations/{id}/heartbeat")
    Map<String, Object> heartbeat(@PathVariable String id, @RequestParam(required = false) String owner) {
        Instant expires = quotas.heartbeat(ReservationId.parse(id), owner)
                .orElseThrow(() -> ProblemException.notFound("The stream reservation has lapsed or was released."));
        return Map.of("expiresAt", expires);
    }

    @DeleteMapping("/internal/reservations/{id}")
    ResponseEntity<Void> release(@PathVariable String id, @RequestParam(required = false) String owner) {
        if (!quotas.release(ReservationId.parse(id), owner)) {
            throw ProblemException.notFound("The stream reservation has lapsed or was released.");
        }
        return ResponseEntity.noContent().build();
    }

    record LiveRequest(List<String> ids) {
    }

    /** Which of the given reservations are live; a live gateway asks each second for the viewers it serves. */
    @PostMapping("/internal/reservations/live")
    Map<String, Object> live(@RequestBody LiveRequest body) {
        if (body.ids() == null) {
            throw new IllegalArgumentException("ids is required");
        }
        if (body.ids().size() > MAX_LIVE_QUERY) {
            throw new IllegalArgumentException("at most " + MAX_LIVE_QUERY + " ids per request");
        }
        List<ReservationId> ids = body.ids().stream().map(ReservationId::parse).toList();
        return Map.of("live", quotas.live(ids).stream().map(ReservationId::toString).sorted().toList());
    }

    @GetMapping("/internal/quotas")
    Map<String, Object> list(@RequestParam(name = "agency", required = false) List<String> agencies) {
        List<AgencyCode> asked = new ArrayList<>();
        if (agencies != null) {
            agencies.forEach(a -> asked.add(new AgencyCode(a)));
        }
        List<Map<String, Object>> items = quotas.quotas(asked).stream().map(InternalQuotaController::view).toList();
        QuotaSettings settings = quotas.settings();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", items.size());
        body.put("cameraLimit", settings.cameraLimit());
        body.put("globalLimit", settings.globalLimit().isPresent() ? settings.globalLimit().getAsInt() : null);
        body.put("ttlSeconds", quotas.ttl().toSeconds());
        return body;
    }

    @PutMapping("/internal/quotas/{agency}")
    Map<String, Object> setLimit(@PathVariable String agency, @RequestBody LimitRequest body,
            @RequestHeader(name = "X-Cctv-Actor", required = false) String actor) {
        if (body.limit() == null) {
            throw new IllegalArgumentException("limit is required");
        }
        return view(quotas.setAgencyLimit(new AgencyCode(agency), body.limit(), actor == null ? "unknown" : actor));
    }

    @PutMapping("/internal/quota-settings")
    Map<String, Object> setSettings(@RequestBody SettingsRequest body,
            @RequestHeader(name = "X-Cctv-Actor", required = false) String actor) {
        if (body.cameraLimit() == null) {
            throw new IllegalArgumentException("cameraLimit is required");
        }
        QuotaSettings settings = quotas.setSettings(new QuotaSettings(body.cameraLimit(),
                body.globalLimit() == null ? OptionalInt.empty() : OptionalInt.of(body.globalLimit())),
                actor == null ? "unknown" : actor);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cameraLimit", settings.cameraLimit());
        view.put("globalLimit", body.globalLimit());
        return view;
    }

    /* Fail closed: with the counts out of reach nobody is admitted, and heartbeats cannot be confirmed either. */
    @ExceptionHandler(QuotaStoreUnavailableException.class)
    ResponseEntity<Object> storeUnavailable(QuotaStoreUnavailableException e) {
        registry.counter("cctv.stream.counter.store.unavailable").increment();
        ProblemException problem = ProblemException.unavailable("The quota store (Valkey/Redis) does not answer, so no "
                + "live stream can be admitted or extended now; try again shortly.");
        problem.getBody().setProperty("requestId", MDC.get(RequestIdFilter.MDC_KEY));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }

    private static Map<String, Object> view(Quota q) {
        return Map.of("agency", q.agency().value(), "limit", q.limit(), "active", q.active());
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
