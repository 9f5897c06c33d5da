package ae.rta.cctv.metadata.domain;

import java.time.Instant;

/** Checks of what people type and the times they give, with messages that say which field is wrong and how. */
public final class Texts {

    /** The earliest and latest instants accepted anywhere: footage and notes are about this century. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

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
        if (stripped.length() > max || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must be 1 to " + max + " characters on one line");
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
        if (stripped.length() > max || stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'
                && c != '\r')) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, without control characters");
        }
        return stripped;
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
