package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.LinkGrants;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.client.GrantChecks.GrantStatus;
import ae.rta.cctv.common.client.GrantChecks.GrantUse;
import ae.rta.cctv.common.security.GrantedLinks;
import ae.rta.cctv.common.web.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The grants behind playback and export links: renewed by players (public), checked by the services serving links. */
@RestController
class GrantController {

    private final LinkGrants grants;

    GrantController(LinkGrants grants) {
        this.grants = grants;
    }

    /** A renewed ticket. @param query what a player puts on every link of the grant in place of the old ticket */
    record Renewal(String grant, Instant expiresAt, String query) {
    }

    @Operation(summary = "Renew a playback's links before they expire (the player does, while it plays or is paused)",
            description = "grant is the playback answer's grant. 200 {grant, expiresAt, query}: put query's grant, "
                    + "expires and ticket parameters on every link of the playlist in place of the old ones. 404 for "
                    + "another user's or an unknown grant; 403 once it no longer holds (the user disabled or changed, "
                    + "signed out, the camera no longer visible).")
    @PostMapping("/api/v1/playback/{grant}/renewal")
    Renewal renew(Caller caller, @PathVariable String grant) {
        GrantedLinks.Ticket ticket = grants.renew(caller, Params.id("grant", grant));
        return new Renewal(ticket.grant().toString(), ticket.expires(), ticket.query());
    }

    /** Whether a grant holds, for playback and storage about to serve one of its links; audits the use when it must. */
    @PostMapping("/internal/grants/{id}/uses")
    GrantStatus use(@PathVariable String id, @RequestBody GrantUse use) {
        return grants.use(Params.id("id", id), use, MDC.get(RequestIdFilter.MDC_KEY));
    }
}
