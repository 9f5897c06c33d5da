package ae.rta.cctv.common.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Values of requests (query parameters, JSON fields) parsed with messages that say which one is wrong and what it
 * should look like. Refusals are {@link IllegalArgumentException}s, which every service answers with a 400 problem.
 */
public final class RequestValues {

    private RequestValues() {
    }

    /** An ISO-8601 instant; null when absent or blank. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
        }
    }

    /** An ISO-8601 instant that must be there. */
    public static Instant requiredInstant(String name, String value) {
        Instant instant = instant(name, value);
        if (instant == null) {
            throw new IllegalArgumentException(name + " is required (an ISO-8601 instant such as 2026-11-24T10:00:00Z)");
        }
        return instant;
    }

    /** A UUID in its canonical 36-character form. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.length() != 36) {
            throw new IllegalArgumentException(name + " must be a UUID");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a UUID");
        }
    }
}
