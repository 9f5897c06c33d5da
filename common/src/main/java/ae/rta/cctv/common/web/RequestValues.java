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

    /* The instants any time parameter may name: four-digit years. Instant.parse takes years of up to nine digits
     * with a sign, which overflow epoch milliseconds, SQL timestamps and range arithmetic further on. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** An ISO-8601 instant from year 0001 to 9999; null when absent or blank. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
        }
        return requireSane(name, instant);
    }

    /**
     * {@code instant} when it lies in years 0001 to 9999 (as every time a request names must).
     *
     * @throws IllegalArgumentException otherwise, naming {@code name}
     */
    public static Instant requireSane(String name, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new IllegalArgumentException(name + " must lie between the years 0001 and 9999");
        }
        return instant;
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
