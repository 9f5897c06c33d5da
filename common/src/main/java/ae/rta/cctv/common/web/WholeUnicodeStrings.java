package ae.rta.cctv.common.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads JSON strings as Jackson does, and refuses one that holds half of a surrogate pair ({@code "\uD800"}): such a
 * string has no UTF-8 form, so PostgreSQL stored it as {@code ?} and what was kept differed from what was sent.
 * A refusal is the caller's fault (400), not something to store changed.
 */
public final class WholeUnicodeStrings extends StringDeserializer {

    /** The module that puts this reader in place of Jackson's own for every {@code String}. */
    public static tools.jackson.databind.JacksonModule module() {
        return new tools.jackson.databind.module.SimpleModule("cctv-whole-unicode-strings")
                .addDeserializer(String.class, new WholeUnicodeStrings());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String value = super.deserialize(p, ctxt);
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("A text holds half of a Unicode surrogate pair (\\u"
                            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + "), which no text can hold.");
                }
            }
        }
        return value;
    }
}
