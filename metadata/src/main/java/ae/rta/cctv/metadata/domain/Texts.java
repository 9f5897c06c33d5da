package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.PrintableText;
import ae.rta.cctv.common.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;

/** Checks of what people type and the times they give, with messages that say which field is wrong and how. */
public final class Texts {

    /** The earliest and latest instants accepted anywhere: footage and notes are about this century. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** The longest stretch of time anything is about: an incident, a linked footage range, an annotated range. */
    public static final Duration MAX_SPAN = Duration.ofDays(31);

    private Texts() {
    }

    /**
     * A one-line text such as a title or a name, stripped.
     *
     * @throws IllegalArgumentException when it is missing, blank, longer than {@code max} or holds control characters
     */
    public static String line(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > max || !PrintableText.isLine(stripped)) {
            throw new IllegalArgumentException(field + " must be 1 to " + max + " printable characters on one line (no control, bidi-override or zero-width characters)");
        }
        return stripped;
    }

    /**
     * A free text such as a description or a note: line breaks and tabs allowed, other control characters not.
     *
     * @return the text stripped, or "" when it is null or blank
     * @throws IllegalArgumentException when it is longer than {@code max} or holds other control characters
     */
    public static String paragraphs(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String stripped = value.strip();
        if (stripped.length() > max || !PrintableText.isParagraphs(stripped)) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, without control characters");
        }
        return stripped;
    }

    /**
     * A stretch of time something is about.
     *
     * @throws IllegalArgumentException when a bound is outside the accepted years or it is longer than {@link #MAX_SPAN}
     */
    public static TimeRange span(String what, TimeRange range) {
        moment("start", range.start());
        moment("end", range.end());
        if (range.duration().compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException(what + " may be at most " + MAX_SPAN.toDays() + " days long");
        }
        return range;
    }

    /** @throws IllegalArgumentException when {@code value} is null or outside {@link #EARLIEST}..{@link #LATEST} */
    public static Instant moment(String field, Instant value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new IllegalArgumentException(field + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }
}
