package ae.rta.cctv.api.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An audit event as stored: its place in its day's hash chain and the hashes that tie it to its predecessor.
 *
 * @param id the row's identity in the trail
 * @param chain the UTC day whose chain holds it
 * @param seq its position in that chain, from 1 with no gaps
 */
public record ChainedAuditEvent(long id, LocalDate chain, long seq, AuditEvent event, String prevHash, String hash) {

    public ChainedAuditEvent {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
