package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.common.domain.PrintableText;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.web.RequestValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Query parameters parsed with messages that say which parameter is wrong and what it should look like. */
final class Params {

    private Params() {
    }

    /** @return null when absent */
    static Instant instant(String name, String value) {
        return RequestValues.instant(name, value);
    }

    /** A UUID in its canonical 36-character form. */
    static java.util.UUID id(String name, String value) {
        return RequestValues.uuid(name, value);
    }

    static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date such as 2026-11-24");
        }
    }

    static AgencyCode agency(String value) {
        return value == null || value.isBlank() ? null : new AgencyCode(value.toUpperCase(Locale.ROOT));
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters");
        }
        if (!PrintableText.isLine(value)) {
            throw new IllegalArgumentException(name + " must not contain control characters");
        }
        return value;
    }
}
