package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A full-text search: words as people type them (English, Arabic or both; {@code "quoted phrases"}, {@code or},
 * {@code -excluded}), and filters that every hit must pass.
 *
 * @param agency only this agency's (the caller's scope), or null for every agency
 * @param camera only items about this camera, or null
 * @param status only incidents (and their comments) in this status, or null
 * @param tag only items with this tag, or null
 * @param from only items whose time reaches {@code from} or later, or null; items without a time (cameras) then drop out
 * @param to only items whose time starts before {@code to}, or null
 */
public record SearchQuery(String text, Set<DocumentType> types, AgencyCode agency, CameraId camera, IncidentStatus status,
        String tag, Instant from, Instant to, int page, int size) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_SIZE = 100;

    /** @throws IllegalArgumentException for missing or overlong text, no types, a bad time window or paging */
    public SearchQuery {
        text = Texts.line("q", text, MAX_TEXT);
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("types must name at least one of incident, comment, bookmark, camera");
        }
        types = Set.copyOf(EnumSet.copyOf(types));
        tag = tag == null || tag.isBlank() ? null : Tags.one(tag);
        if (from != null) {
            Texts.moment("from", from);
        }
        if (to != null) {
            Texts.moment("to", to);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        if (page < 0 || page > 10_000) {
            throw new IllegalArgumentException("page must be 0 to 10000");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
        }
    }
}
