package ae.rta.cctv.common.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The signed parts of the links a player or a browser is handed for recorded footage (playlists, media byte ranges,
 * cached upstream pieces, export downloads). Every such link names a <em>grant</em>: the api's record of who was
 * given it (user, sign-in, camera), which the services serving links check, so a link stops working soon after its
 * user is disabled or loses the camera (ADR 13). A link has two signatures:
 * <ul>
 *   <li>the link's own, {@code sig}, over what it reaches (made by the service that owns the resource, with its own
 *       purpose) and the grant; it has no expiry, and</li>
 *   <li>the grant's <em>ticket</em>, {@code expires} and {@code ticket}, over the grant and an expiry a few minutes
 *       ahead. A player renews the ticket through the api and puts the new one on every link it fetches, so links
 *       in a playlist already loaded keep working while they are renewed, and stop when they are not.</li>
 * </ul>
 * Media byte ranges are signed here too ({@link #mediaLink}), by playback, which builds playlists, and checked by
 * storage, which serves them: the signature covers the object and the byte range.
 */
public final class GrantedLinks {

    /** The query parameters of a ticket. */
    public static final String GRANT = "grant";
    public static final String EXPIRES = "expires";
    public static final String TICKET = "ticket";

    private final UrlSigner tickets;
    private final UrlSigner media;

    public GrantedLinks(String serviceSecret) {
        this.tickets = UrlSigner.create(serviceSecret, "cctv-grant-tickets");
        this.media = UrlSigner.create(serviceSecret, "cctv-media-range-urls");
    }

    /** A ticket: the grant it is for and until when it holds. */
    public record Ticket(UUID grant, Instant expires, String signature) {

        /** As query parameters: {@code grant=...&expires=<epoch s>&ticket=...}. */
        public String query() {
            return GRANT + "=" + grant + "&" + EXPIRES + "=" + expires.getEpochSecond() + "&" + TICKET + "="
                    + URLEncoder.encode(signature, StandardCharsets.UTF_8);
        }
    }

    /** A ticket for {@code grant} until {@code expires} (whole seconds). */
    public Ticket ticket(UUID grant, Instant expires) {
        Instant at = Instant.ofEpochSecond(expires.getEpochSecond());
        return new Ticket(grant, at, tickets.sign(grant.toString(), Long.toString(at.getEpochSecond())));
    }

    /** What checking a link's ticket found. */
    public enum TicketCheck {
        VALID, MISSING, FORGED, EXPIRED
    }

    /**
     * Checks the ticket named by a link's query parameters (any may be null).
     *
     * @param grant the grant the link's own signature covers
     */
    public TicketCheck check(String grant, Long expires, String ticket, Instant now) {
        if (grant == null || expires == null || ticket == null) {
            return TicketCheck.MISSING;
        }
        if (!tickets.verify(ticket, grant, Long.toString(expires))) {
            return TicketCheck.FORGED;
        }
        return expires <= now.getEpochSecond() ? TicketCheck.EXPIRED : TicketCheck.VALID;
    }

    /** The words a refusal says for a ticket that is not {@link TicketCheck#VALID}. */
    public static String refusal(TicketCheck check) {
        return switch (check) {
            case MISSING -> "The link lacks its grant, expiry or ticket: use the link the api handed out.";
            case FORGED -> "The link's ticket does not match its grant and expiry.";
            case EXPIRED -> "The link has expired: renew it through the api (POST /api/v1/playback/{grant}/renewal) "
                    + "or ask for it again.";
            case VALID -> "";
        };
    }

    /**
     * A link to bytes {@code [offset, offset + size)} of a stored object for {@code ticket}'s grant:
     * {@code <mediaUrl>?bytes=<first>-<last>&sig=...&<ticket>}.
     *
     * @param mediaUrl the object's unsigned link ({@code <storage>/media/<objectKey>})
     * @param ticketQuery {@link Ticket#query()} of the ticket the link is handed out with
     */
    public String mediaLink(String mediaUrl, String objectKey, long offset, long size, UUID grant, String ticketQuery) {
        String bytes = offset + "-" + (offset + size - 1);
        return mediaUrl + "?bytes=" + bytes + "&sig=" + media.sign(objectKey, bytes, grant.toString()) + "&" + ticketQuery;
    }

    /** Whether {@code signature} is this deployment's for {@code bytes} ({@code first-last}) of the object for the grant. */
    public boolean mediaValid(String objectKey, String bytes, String grant, String signature) {
        return bytes != null && grant != null && media.verify(signature, objectKey, bytes, grant);
    }
}
