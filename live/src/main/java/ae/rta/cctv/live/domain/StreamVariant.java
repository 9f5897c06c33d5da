package ae.rta.cctv.live.domain;

import java.util.Locale;

/** Which of a camera's encodings a viewer watches: the main stream full screen, the sub stream in grid tiles. */
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
}
