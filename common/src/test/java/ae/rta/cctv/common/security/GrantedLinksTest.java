package ae.rta.cctv.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class GrantedLinksTest {

    private static final GrantedLinks LINKS = new GrantedLinks("a-service-secret-of-at-least-32-bytes!");
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aTicketHoldsUntilItsExpiryAndNotForAnotherGrantOrExpiry() {
        UUID grant = UUID.randomUUID();
        GrantedLinks.Ticket ticket = LINKS.ticket(grant, NOW.plus(Duration.ofMinutes(5)));
        long expires = ticket.expires().getEpochSecond();
        assertThat(LINKS.check(grant.toString(), expires, ticket.signature(), NOW)).isEqualTo(GrantedLinks.TicketCheck.VALID);
        assertThat(LINKS.check(grant.toString(), expires, ticket.signature(), NOW.plus(Duration.ofMinutes(5))))
                .isEqualTo(GrantedLinks.TicketCheck.EXPIRED);
        assertThat(LINKS.check(grant.toString(), expires + 3600, ticket.signature(), NOW))
                .isEqualTo(GrantedLinks.TicketCheck.FORGED);
        assertThat(LINKS.check(UUID.randomUUID().toString(), expires, ticket.signature(), NOW))
                .isEqualTo(GrantedLinks.TicketCheck.FORGED);
        assertThat(LINKS.check(grant.toString(), null, ticket.signature(), NOW)).isEqualTo(GrantedLinks.TicketCheck.MISSING);
        assertThat(ticket.query()).isEqualTo("grant=" + grant + "&expires=" + expires + "&ticket=" + ticket.signature());
    }

    @Test
    void aMediaLinkIsSignedForItsObjectByteRangeAndGrant() {
        UUID grant = UUID.randomUUID();
        String link = LINKS.mediaLink("http://storage/media/cameras/a.mp4", "cameras/a.mp4", 100, 50, grant, "grant=" + grant);
        assertThat(link).startsWith("http://storage/media/cameras/a.mp4?bytes=100-149&sig=").endsWith("&grant=" + grant);
        String sig = link.replaceAll("^.*&sig=([^&]+)&.*$", "$1");
        assertThat(LINKS.mediaValid("cameras/a.mp4", "100-149", grant.toString(), sig)).isTrue();
        assertThat(LINKS.mediaValid("cameras/a.mp4", "0-149", grant.toString(), sig)).isFalse();
        assertThat(LINKS.mediaValid("cameras/b.mp4", "100-149", grant.toString(), sig)).isFalse();
        assertThat(LINKS.mediaValid("cameras/a.mp4", "100-149", UUID.randomUUID().toString(), sig)).isFalse();
    }
}
