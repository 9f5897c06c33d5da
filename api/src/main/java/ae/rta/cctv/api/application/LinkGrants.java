package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.GrantStore;
import ae.rta.cctv.api.application.port.out.SessionStore;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.LinkGrant;
import ae.rta.cctv.common.client.GrantChecks.GrantStatus;
import ae.rta.cctv.common.client.GrantChecks.GrantUse;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.GrantedLinks;
import ae.rta.cctv.common.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The grants behind playback and export links (ADR 13). A grant records who was handed links to which camera; the
 * services serving the links ask here whether it still holds: its sign-in live, its user enabled and unchanged
 * (role, agency, password: the token version), the camera still visible to them, and no older than
 * {@link #MAX_AGE}. Tickets (a link's expiry) are short; the player renews them here while it plays. Uses are
 * audited: the first fetch of a playback's links ({@code PLAYBACK}), every download of an export's files
 * ({@code EXPORT_DOWNLOAD}).
 */
public final class LinkGrants {

    /** The longest one grant is honoured and renewed: a playback or download open longer asks again. */
    public static final Duration MAX_AGE = Duration.ofHours(24);

    private final GrantStore store;
    private final SessionStore sessions;
    private final VisibleCameras cameras;
    private final AuditTrail audit;
    private final GrantedLinks links;
    private final Duration ticketTtl;
    private final Clock clock;

    /** @param ticketTtl how long a renewed ticket holds ({@code cctv.playback.link-ttl}) */
    public LinkGrants(GrantStore store, SessionStore sessions, VisibleCameras cameras, AuditTrail audit, GrantedLinks links,
            Duration ticketTtl, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.cameras = cameras;
        this.audit = audit;
        this.links = links;
        this.ticketTtl = ticketTtl;
        this.clock = clock;
    }

    /** A grant of playback links of {@code camera} to {@code caller}, who may see it. @param detail what, for the audit */
    public LinkGrant grantPlayback(Caller caller, CameraId camera, String detail) {
        return grant(UUID.randomUUID(), LinkGrant.Kind.PLAYBACK, caller, camera, null, detail);
    }

    /**
     * A grant of the download links of export {@code export} (of {@code camera}) to {@code caller}.
     *
     * @param id the grant's id, which playback has signed the links with already
     */
    public LinkGrant grantExport(UUID id, Caller caller, CameraId camera, String export) {
        return grant(id, LinkGrant.Kind.EXPORT, caller, camera, export, "export " + export);
    }

    private LinkGrant grant(UUID id, LinkGrant.Kind kind, Caller caller, CameraId camera, String target, String detail) {
        Integer version = caller.session().flatMap(sessions::state).map(SessionStore.SessionState::tokenVersion).orElse(null);
        LinkGrant grant = new LinkGrant(id, kind, caller, version, camera, target, detail, clock.instant(), null);
        store.insert(grant);
        return grant;
    }

    /**
     * Whether a grant's links may be served, for a service about to serve one; audits the use when it must.
     *
     * @param requestId the serving service's request id, for the audit row
     * @throws ProblemException 404 for an unknown grant; 503 when the camera directory does not answer
     */
    public GrantStatus use(UUID id, GrantUse use, String requestId) {
        LinkGrant grant = store.find(id).orElseThrow(() -> ProblemException.notFound("No grant " + id + "."));
        Optional<String> refused = refusal(grant);
        RequestOrigin origin = new RequestOrigin(use.sourceIp(), requestId);
        String what = use.use() == null ? "link" : use.use();
        if (grant.kind() == LinkGrant.Kind.EXPORT && use.download()) {
            audit.record(grant.caller(), AuditAction.EXPORT_DOWNLOAD, grant.camera().toString(),
                    refused.isEmpty() ? AuditOutcome.SUCCESS : AuditOutcome.DENIED,
                    "export " + grant.target() + " " + what + refused.map(r -> " refused: " + r).orElse(""), origin);
        } else if (grant.kind() == LinkGrant.Kind.PLAYBACK && refused.isEmpty() && store.markFirstUse(id, clock.instant())) {
            audit.record(grant.caller(), AuditAction.PLAYBACK, grant.camera().toString(), AuditOutcome.SUCCESS,
                    "first fetch (" + what + ") of " + grant.detail() + ", grant " + id, origin);
        }
        return new GrantStatus(refused.isEmpty(), grant.kind().name(), grant.camera().toString(), grant.target(),
                refused.orElse(null));
    }

    /**
     * A new ticket for the caller's grant, while it holds.
     *
     * @throws ProblemException 404 for an unknown grant or another user's, 403 when it no longer holds
     */
    public GrantedLinks.Ticket renew(Caller caller, UUID id) {
        LinkGrant grant = store.find(id).filter(g -> g.caller().subject().equals(caller.subject()))
                .orElseThrow(() -> ProblemException.notFound("No grant " + id + " of yours."));
        Optional<String> refused = refusal(grant);
        if (refused.isPresent()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "The links can no longer be renewed: "
                    + refused.get() + ". Ask for them again.");
        }
        return links.ticket(id, clock.instant().plus(ticketTtl));
    }

    /** Forgets grants too old to be honoured. @return how many */
    public int purge() {
        return store.deleteCreatedBefore(clock.instant().minus(MAX_AGE.multipliedBy(2)));
    }

    /* Why the grant's links must not be served now, if they must not. */
    private Optional<String> refusal(LinkGrant grant) {
        Instant now = clock.instant();
        if (grant.createdAt().plus(MAX_AGE).isBefore(now)) {
            return Optional.of("it was granted more than " + MAX_AGE.toHours() + " hours ago");
        }
        if (grant.caller().session().isPresent()) {
            Optional<SessionStore.SessionState> state = sessions.state(grant.caller().session().get());
            if (state.isPresent() && !state.get().userEnabled()) {
                return Optional.of("the user is disabled");
            }
            if (state.isEmpty() || state.get().revoked()) {
                return Optional.of("the sign-in it was granted to has ended");
            }
            if (grant.tokenVersion() == null || state.get().tokenVersion() != grant.tokenVersion()) {
                return Optional.of("the user's role, agency or password changed");
            }
        }
        if (!cameras.sees(grant.caller(), grant.camera())) {
            return Optional.of("the user no longer sees the camera");
        }
        return Optional.empty();
    }
}
