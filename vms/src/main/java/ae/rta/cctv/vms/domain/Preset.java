package ae.rta.cctv.vms.domain;

import ae.rta.cctv.common.domain.PrintableText;
import java.util.regex.Pattern;

/** A stored PTZ position. @param token the camera's own id for it */
public record Preset(String token, String name) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    public static final int MAX_NAME = 64;

    public Preset {
        requireToken(token);
        name = requireName(name);
    }

    /** @throws IllegalArgumentException unless 1 to 64 letters, digits or {@code _ . : -} */
    public static String requireToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("preset must be 1 to 64 letters, digits or _ . : -");
        }
        return token;
    }

    /** @throws IllegalArgumentException unless 1 to 64 printable characters */
    public static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME
                || !PrintableText.isLine(name)) {
            throw new IllegalArgumentException("preset name must be 1 to " + MAX_NAME + " printable characters");
        }
        return name.strip();
    }
}
