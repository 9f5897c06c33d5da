package ae.rta.cctv.metadata.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What someone wrote on an incident. */
public record Comment(UUID id, UUID incident, String author, String text, Instant time) {

    public static final int MAX_TEXT = 5_000;

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incident, "incident");
        text = Texts.paragraphs("text", text, MAX_TEXT);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text is required");
        }
    }
}
