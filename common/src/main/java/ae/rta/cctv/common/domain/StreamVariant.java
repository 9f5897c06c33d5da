package ae.rta.cctv.common.domain;

import java.util.Locale;

/** Which of a camera's encodings: the full-resolution main stream (full screen) or the light sub stream (grid tiles). */
public enum StreamVariant {
    MAIN, SUB;

    /** @throws IllegalArgumentException naming the choices when {@code text} is neither (case ignored); null is MAIN */
    public static StreamVariant parse(String text) {
        if (text == null || text.isEmpty()) {
            return MAIN;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "MAIN" -> MAIN;
            case "SUB" -> SUB;
            default -> throw new IllegalArgumentException("variant must be main or sub");
        };
    }

    /** How URLs and JSON spell it: {@code main}, {@code sub}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
