package ae.rta.cctv.streamcounter.adapter.in.web;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.streamcounter.application.QuotaSampler;
import ae.rta.cctv.streamcounter.domain.QuotaSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The per-minute history of live counts and limits, grouped by agency. */
@RestController
class InternalQuotaHistoryController {

    private final QuotaSampler sampler;

    InternalQuotaHistoryController(QuotaSampler sampler) {
        this.sampler = sampler;
    }

    @GetMapping("/internal/quota-history")
    Map<String, Object> history(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "agency", required = false) List<String> agencies) {
        Instant start = RequestValues.requiredInstant("from", from);
        Instant end = RequestValues.requiredInstant("to", to);
        List<AgencyCode> wanted = agencies == null ? null : agencies.stream().map(AgencyCode::new).toList();
        Map<String, List<Map<String, Object>>> byAgency = new LinkedHashMap<>();
        for (QuotaSample s : sampler.between(start, end, wanted)) {
            byAgency.computeIfAbsent(s.agency().value(), a -> new ArrayList<>())
                    .add(Map.of("time", s.minute(), "active", s.active(), "limit", s.limit()));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        byAgency.forEach((agency, samples) -> items.add(Map.of("agency", agency, "samples", samples)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", start);
        body.put("to", end);
        body.put("stepSeconds", 60);
        body.put("items", items);
        return body;
    }
}
