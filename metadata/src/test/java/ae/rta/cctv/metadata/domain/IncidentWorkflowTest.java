package ae.rta.cctv.metadata.domain;

import static ae.rta.cctv.metadata.domain.IncidentStatus.CLOSED;
import static ae.rta.cctv.metadata.domain.IncidentStatus.INVESTIGATING;
import static ae.rta.cctv.metadata.domain.IncidentStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class IncidentWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Incident in(IncidentStatus status) {
        return new Incident(UUID.randomUUID(), new AgencyCode("METRO"), "Fight on platform 2", "", status, null, List.of(),
                null, "op", NOW, NOW);
    }

    @Test
    void theWorkflowGoesForwardAndAClosedIncidentOnlyReopens() {
        assertThat(in(OPEN).moveTo(INVESTIGATING, NOW).status()).isEqualTo(INVESTIGATING);
        assertThat(in(OPEN).moveTo(CLOSED, NOW).status()).isEqualTo(CLOSED);
        assertThat(in(INVESTIGATING).moveTo(CLOSED, NOW).status()).isEqualTo(CLOSED);
        assertThat(in(INVESTIGATING).moveTo(OPEN, NOW).status()).isEqualTo(OPEN);
        assertThat(in(CLOSED).moveTo(OPEN, NOW).status()).isEqualTo(OPEN);
        assertThatThrownBy(() -> in(CLOSED).moveTo(INVESTIGATING, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can only be reopened");
        assertThatThrownBy(() -> in(OPEN).moveTo(OPEN, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsAreCheckedWhereverAnIncidentIsMade() {
        Incident i = in(OPEN);
        assertThatThrownBy(() -> i.withText(" ", "", NOW)).hasMessageContaining("title is required");
        assertThatThrownBy(() -> i.withText("x".repeat(201), "", NOW)).hasMessageContaining("title");
        assertThatThrownBy(() -> i.withText("ok", "bell\u0007", NOW)).hasMessageContaining("description");
        assertThat(i.withText("  Fight  ", "line one\nline two", NOW).title()).isEqualTo("Fight");
        assertThat(i.withAssignee("", NOW).assignee()).isNull();
        assertThatThrownBy(() -> new Incident(UUID.randomUUID(), new AgencyCode("METRO"), "Long", "", OPEN, null, List.of(),
                TimeRange.of(NOW, Duration.ofDays(32)), "op", NOW, NOW)).hasMessageContaining("at most 31 days");
    }

    @Test
    void tagsAreStoredLowerCaseOnceInTheOrderGiven() {
        assertThat(Tags.of(List.of(" Theft ", "theft", "Platform 2", "سرقة"))).containsExactly("theft", "platform 2", "سرقة");
        assertThat(Tags.of(null)).isEmpty();
        assertThatThrownBy(() -> Tags.of(List.of(""))).hasMessageContaining("tag");
        assertThatThrownBy(() -> Tags.of(java.util.stream.IntStream.range(0, 21).mapToObj(n -> "t" + n).toList()))
                .hasMessageContaining("at most 20 tags");
    }

    @Test
    void aBookmarkIsAMomentOrARangeOfAtMostAMonth() {
        UUID id = UUID.randomUUID();
        var camera = ae.rta.cctv.common.domain.CameraId.random();
        var agency = new AgencyCode("METRO");
        assertThat(new Bookmark(id, agency, camera, NOW, null, null, null, "op", NOW, NOW).note()).isEmpty();
        assertThatThrownBy(() -> new Bookmark(id, agency, camera, NOW, NOW, "", List.of(), "op", NOW, NOW))
                .hasMessageContaining("must be after time");
        assertThatThrownBy(() -> new Bookmark(id, agency, camera, NOW, NOW.plus(Duration.ofDays(40)), "", List.of(), "op", NOW,
                NOW)).hasMessageContaining("at most 31 days");
        assertThatThrownBy(() -> new Bookmark(id, agency, camera, Instant.parse("1999-12-31T23:59:59Z"), null, "", List.of(),
                "op", NOW, NOW)).hasMessageContaining("must lie between");
    }

    @Test
    void aHoldIsNamedAfterItsIncidentAndFootage() {
        UUID incident = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Footage f = new Footage(UUID.fromString("00000000-0000-0000-0000-000000000002"),
                ae.rta.cctv.common.domain.CameraId.random(), TimeRange.of(NOW, Duration.ofMinutes(5)), "op", NOW, true);
        assertThat(f.holdReference(incident)).isEqualTo("incident:00000000-0000-0000-0000-000000000001:footage:"
                + "00000000-0000-0000-0000-000000000002");
    }
}
