package ae.rta.cctv.metadata.domain;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of thing search finds. Their wire names are lower-case ({@code incident}, ...). */
public enum DocumentType {
    INCIDENT, COMMENT, BOOKMARK, CAMERA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static DocumentType of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wireName == null ? "" : wireName.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "types must be a comma-separated list of incident, comment, bookmark, camera"));
    }
}
