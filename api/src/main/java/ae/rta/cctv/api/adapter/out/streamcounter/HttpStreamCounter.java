package ae.rta.cctv.api.adapter.out.streamcounter;

import ae.rta.cctv.api.application.port.out.StreamCounter;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/** The stream-counter service over its internal HTTP routes. */
public final class HttpStreamCounter implements StreamCounter {

    private final RestClient client;

    public HttpStreamCounter(RestClient client) {
        this.client = client;
    }

    record ReservationJson(String id, String agency, String cameraId, Instant expiresAt, long ttlSeconds) {
    }

    record QuotaJson(String agency, int limit, int active) {
    }

    record QuotasJson(List<QuotaJson> items, int cameraLimit, Integer globalLimit, long ttlSeconds) {
    }

    record ProblemJson(String detail, String scope, Integer limit, Integer active) {
    }

    record SampleJson(Instant time, int active, int limit) {
    }

    record AgencyHistoryJson(String agency, List<SampleJson> samples) {
    }

    record HistoryJson(List<AgencyHistoryJson> items) {
    }

    record ExpiresJson(Instant expiresAt) {
    }

    record ReserveJson(String agency, String cameraId, String requestId, String owner) {
    }

    @Override
    public Reservation reserve(AgencyCode agency, CameraId camera, String requestId, String owner) {
        try {
            ReservationJson r = client.post().uri("/internal/reservations")
                    .body(new ReserveJson(agency.value(), camera.toString(), requestId, owner))
                    .retrieve().body(ReservationJson.class);
            return new Reservation(r.id(), new AgencyCode(r.agency()), CameraId.parse(r.cameraId()), r.expiresAt(),
                    r.ttlSeconds());
        } catch (HttpClientErrorException.TooManyRequests e) {
            ProblemJson p = e.getResponseBodyAs(ProblemJson.class);
            throw new QuotaFullException(p.detail(), p.scope(), p.limit(), p.active());
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Instant> heartbeat(String reservationId, String owner) {
        try {
            return Optional.ofNullable(client.post().uri(ownerQuery("/internal/reservations/{id}/heartbeat", owner), reservationId)
                    .retrieve().body(ExpiresJson.class)).map(ExpiresJson::expiresAt);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean release(String reservationId, String owner) {
        try {
            client.delete().uri(ownerQuery("/internal/reservations/{id}", owner), reservationId).retrieve().toBodilessEntity();
            return true;
        } catch (HttpClientErrorException.NotFound e) {
            return false;
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    private static String ownerQuery(String path, String owner) {
        return owner == null ? path : UriComponentsBuilder.fromPath(path).queryParam("owner", owner).encode().build().toUriString();
    }

    @Override
    public Quotas quotas(List<AgencyCode> agencies) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/internal/quotas");
        agencies.forEach(a -> uri.queryParam("agency", a.value()));
        try {
            QuotasJson q = client.get().uri(uri.build().toUriString()).retrieve().body(QuotasJson.class);
            return new Quotas(q.items().stream().map(i -> new Quota(new AgencyCode(i.agency()), i.limit(), i.active()))
                    .toList(), q.cameraLimit(), q.globalLimit(), q.ttlSeconds());
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Quota setAgencyLimit(AgencyCode agency, int limit, String actor) {
        try {
            QuotaJson q = client.put().uri("/internal/quotas/{agency}", agency.value()).header("X-Cctv-Actor", actor)
                    .body(Map.of("limit", limit)).retrieve().body(QuotaJson.class);
            return new Quota(new AgencyCode(q.agency()), q.limit(), q.active());
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void setSettings(int cameraLimit, Integer globalLimit, String actor) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("cameraLimit", cameraLimit);
        body.put("globalLimit", globalLimit);
        try {
            client.put().uri("/internal/quota-settings").header("X-Cctv-Actor", actor).body(body).retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<AgencyHistory> history(Instant from, Instant to, List<AgencyCode> agencies) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/internal/quota-history")
                .queryParam("from", from.toString()).queryParam("to", to.toString());
        if (agencies != null) {
            agencies.forEach(a -> uri.queryParam("agency", a.value()));
        }
        try {
            HistoryJson h = client.get().uri(uri.build().toUriString()).retrieve().body(HistoryJson.class);
            return h.items().stream().map(i -> new AgencyHistory(new AgencyCode(i.agency()),
                    i.samples().stream().map(s -> new Sample(s.time(), s.active(), s.limit())).toList())).toList();
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    private static UnavailableException unavailable(RestClientException e) {
        String status = e instanceof RestClientResponseException r ? " (" + HttpStatus.resolve(r.getStatusCode().value()) + ")" : "";
        return new UnavailableException("the stream-counter service did not answer" + status, e);
    }
}
