package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.JsonNode;

final class AuditChainTamperTest {

    private final ApiSystem system = ApiSystem.get();

    @Test
    void verificationPassesThenNamesTheRowChangedBehindTheServicesBack() {
        system.login("metro.viewer", "a-wrong-password");
        system.token("metro.viewer");
        String auditor = system.token("auditor");
        JsonNode clean = ApiSystem.json(system.get("/api/v1/audit/verify", auditor));
        assertThat(clean.get("valid").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.get("checkedRows").asLong()).isGreaterThanOrEqualTo(3);

        long victim = system.db.sql("SELECT id FROM audit_event WHERE action = 'LOGIN_FAILED' ORDER BY id DESC LIMIT 1")
                .query(Long.class).single();
        String original = system.db.sql("SELECT outcome FROM audit_event WHERE id = ?").param(victim).query(String.class).single();
        assertThat(updateBypassingTheTrigger("UPDATE audit_event SET outcome = 'SUCCESS' WHERE id = ?", victim)).isEqualTo(1);
        try {
            JsonNode broken = ApiSystem.json(system.get("/api/v1/audit/verify", auditor));
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("id").asLong()).isEqualTo(victim);
            assertThat(broken.get("firstBroken").get("reason").asString()).contains("does not match its hash");
        } finally {
            updateBypassingTheTrigger("UPDATE audit_event SET outcome = '" + original + "' WHERE id = ?", victim);
        }
        assertThat(ApiSystem.json(system.get("/api/v1/audit/verify", auditor)).get("valid").asBoolean()).isTrue();
    }

    @Test
    void theServiceCannotChangeOrDeleteAuditRows() {
        system.token("metro.viewer");
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                system.db.sql("DELETE FROM audit_event WHERE action = 'LOGIN'").update());
        assertThat(refused).hasMessageContaining("append-only");
    }

    @Test
    void aRemovedRowIsNamedByTheRowAfterIt() {
        system.token("metro.viewer");
        system.token("metro.viewer");
        String admin = system.token("admin");
        record Row(long id, java.time.LocalDate chain, long seq) {
        }
        Row removed = system.db.sql("SELECT id, chain, seq FROM audit_event ORDER BY id DESC OFFSET 1 LIMIT 1")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class), rs.getLong(3))).single();
        Map<String, Object> copy = system.db.sql("SELECT * FROM audit_event WHERE id = ?").param(removed.id()).query().singleRow();
        updateBypassingTheTrigger("DELETE FROM audit_event WHERE id = ?", removed.id());
        try {
            JsonNode broken = ApiSystem.json(system.get("/api/v1/audit/verify", admin));
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("seq").asLong()).isEqualTo(removed.seq() + 1);
            assertThat(broken.get("firstBroken").get("reason").asString()).contains("removed");
        } finally {
            String columns = String.join(", ", copy.keySet());
            String marks = String.join(", ", copy.keySet().stream().map(k -> "?").toList());
            updateBypassingTheTrigger("INSERT INTO audit_event (" + columns + ") VALUES (" + marks + ")",
                    copy.values().toArray());
        }
        assertThat(ApiSystem.json(system.get("/api/v1/audit/verify", admin)).get("valid").asBoolean()).isTrue();
    }

    /* What someone with database access would do: switch the append-only trigger off for their session. */
    private int updateBypassingTheTrigger(String sql, Object... params) {
        DataSourceTransactionManager tx = new DataSourceTransactionManager(
                system.api.getBean(javax.sql.DataSource.class));
        return new TransactionTemplate(tx).execute(status -> {
            system.db.sql("SET LOCAL session_replication_role = replica").update();
            return system.db.sql(sql).params(params).update();
        });
    }
}
