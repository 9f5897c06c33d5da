package ae.rta.cctv.api.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AuditChainTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    private static List<ChainedAuditEvent> chain(int length) {
        List<ChainedAuditEvent> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEvent e = new AuditEvent(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(i), "user" + i, "METRO",
                    AuditAction.LOGIN, "user" + i, AuditOutcome.SUCCESS, "10.0.0." + i, "req-" + i, null);
            String hash = AuditChain.hash(DAY, i, e, prev);
            rows.add(new ChainedAuditEvent(i, DAY, i, e, prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static AuditChain.Verifier verify(List<ChainedAuditEvent> rows) {
        AuditChain.Verifier v = new AuditChain.Verifier();
        rows.forEach(v::accept);
        return v;
    }

    @Test
    void anUntouchedChainHolds() {
        AuditChain.Verifier v = verify(chain(5));
        assertThat(v.firstBreak()).isEmpty();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(v.chains()).isEqualTo(1);
    }

    @Test
    void aChangedFieldIsNamedAtItsRow() {
        List<ChainedAuditEvent> rows = chain(5);
        ChainedAuditEvent r = rows.get(2);
        AuditEvent e = r.event();
        rows.set(2, new ChainedAuditEvent(r.id(), r.chain(), r.seq(), new AuditEvent(e.time(), e.actor(), e.actorAgency(),
                e.action(), e.target(), AuditOutcome.DENIED, e.sourceIp(), e.requestId(), e.detail()), r.prevHash(), r.hash()));
        assertThat(verify(rows).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("does not match its hash");
        });
    }

    @Test
    void aRowRehashedToHideAChangeBreaksTheLinkOfTheNextRow() {
        List<ChainedAuditEvent> rows = chain(5);
        ChainedAuditEvent r = rows.get(1);
        AuditEvent forged = new AuditEvent(r.event().time(), "someone-else", "METRO", AuditAction.LOGIN, null,
                AuditOutcome.SUCCESS, null, null, null);
        rows.set(1, new ChainedAuditEvent(r.id(), DAY, r.seq(), forged, r.prevHash(),
                AuditChain.hash(DAY, r.seq(), forged, r.prevHash())));
        assertThat(verify(rows).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("link to the previous row");
        });
    }

    @Test
    void aRemovedRowIsNamedByTheSequenceGap() {
        List<ChainedAuditEvent> rows = chain(5);
        rows.remove(3);
        assertThat(verify(rows).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.reason()).contains("removed");
        });
    }

    @Test
    void fieldsCannotBeShiftedBetweenNeighboursWithoutChangingTheHash() {
        AuditEvent a = new AuditEvent(Instant.EPOCH, "ab", null, AuditAction.LOGIN, "c", AuditOutcome.SUCCESS, null, null, null);
        AuditEvent b = new AuditEvent(Instant.EPOCH, "a", null, AuditAction.LOGIN, "bc", AuditOutcome.SUCCESS, null, null, null);
        AuditEvent c = new AuditEvent(Instant.EPOCH, "a", "", AuditAction.LOGIN, "bc", AuditOutcome.SUCCESS, null, null, null);
        assertThat(AuditChain.hash(DAY, 1, a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(DAY, 1, b, AuditChain.GENESIS));
        assertThat(AuditChain.hash(DAY, 1, b, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(DAY, 1, c, AuditChain.GENESIS));
    }
}
