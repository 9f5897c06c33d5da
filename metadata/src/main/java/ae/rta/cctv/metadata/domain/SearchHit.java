package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing a search found.
 *
 * @param incident the incident a comment belongs to, else null
 * @param title what to show as its name: an incident's title (also for its comments), a bookmark's note, a camera's name
 * @param snippet the best matching passage, HTML-escaped, each match inside {@code <mark>...</mark>}
 * @param score relevance (PostgreSQL {@code ts_rank}); higher is better; comparable within one search only
 * @param status an incident's or comment's incident status, else null
 * @param start when it happened (null for cameras) @param end the end of that, equal to start for a moment
 */
public record SearchHit(DocumentType type, UUID id, UUID incident, AgencyCode agency, String title, String snippet, double score,
        List<CameraId> cameras, IncidentStatus status, List<String> tags, Instant start, Instant end) {
}
