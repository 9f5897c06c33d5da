package ae.rta.cctv.api.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain that makes the audit trail tamper-evident. Each UTC day is one chain; its first row links to
 * {@link #GENESIS}, every later row to the hash of the row before it. A row's hash covers its day, position and
 * every field, so changing, deleting or re-ordering a row breaks the chain at that row or the one after it.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The SHA-256 (hex) of an event at {@code seq} in {@code chain} whose predecessor hashed to {@code prevHash}. */
    public static String hash(LocalDate chain, long seq, AuditEvent e, String prevHash) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {prevHash, chain.toString(), Long.toString(seq), e.time().toString(), e.actor(),
                e.actorAgency(), e.action().name(), e.target(), e.outcome().name(), e.sourceIp(), e.requestId(),
                e.detail()}) {
            // Length-prefixed, so that no two different rows have the same canonical form; null differs from "".
            canonical.append(field == null ? "-1" : Integer.toString(field.length())).append(':')
                    .append(field == null ? "" : field).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

    /** Checks rows fed in chain and sequence order, and remembers the first that does not hold. */
    public static final class Verifier {

        private LocalDate chain;
        private long expectedSeq;
        private String expectedPrev;
        private long checked;
        private int chains;
        private Break firstBreak;

        /** Checks the next row; rows after the first break are counted but not judged. */
        public void accept(ChainedAuditEvent row) {
            enter(row.chain());
            if (firstBreak == null) {
                if (row.seq() != expectedSeq) {
                    firstBreak = new Break(row.id(), row.chain(), row.seq(), "sequence " + row.seq() + " where "
                            + expectedSeq + " was expected: a row before it was removed or inserted");
                } else if (!row.prevHash().equals(expectedPrev)) {
                    firstBreak = new Break(row.id(), row.chain(), row.seq(),
                            "its link to the previous row does not match: a row before it was changed");
                } else if (!hash(row.chain(), row.seq(), row.event(), row.prevHash()).equals(row.hash())) {
                    firstBreak = new Break(row.id(), row.chain(), row.seq(),
                            "its content does not match its hash: the row was changed");
                }
            }
            expectedSeq = row.seq() + 1;
            expectedPrev = row.hash();
        }

        /** Records a row that could not be read back at all: it breaks the chain where it stands. */
        public void acceptUnreadable(long id, LocalDate rowChain, long seq, String reason) {
            enter(rowChain);
            if (firstBreak == null) {
                firstBreak = new Break(id, rowChain, seq, reason);
            }
            expectedSeq = seq + 1;
            expectedPrev = "";
        }

        private void enter(LocalDate rowChain) {
            checked++;
            if (!rowChain.equals(chain)) {
                chain = rowChain;
                chains++;
                expectedSeq = 1;
                expectedPrev = GENESIS;
            }
        }

        public long checked() {
            return checked;
        }

        public int chains() {
            return chains;
        }

        public Optional<Break> firstBreak() {
            return Optional.ofNullable(firstBreak);
        }
    }

    /** The first row at which a chain does not hold, and why. */
    public record Break(long id, LocalDate chain, long seq, String reason) {
    }
}
