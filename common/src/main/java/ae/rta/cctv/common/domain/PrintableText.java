package ae.rta.cctv.common.domain;

/**
 * What a person may type into a name, a title or a note: no control characters, no lone surrogate halves (they
 * cannot be stored as UTF-8 and came back as {@code ?}), and none of the invisible format characters that make a
 * name read differently from what it is: bidi overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069) that
 * reorder what follows, and zero-width characters (U+200B-U+200D, U+2060, U+FEFF) that make two names look the same.
 * The direction marks Arabic text uses (U+200E, U+200F, U+061C) are allowed.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** Whether {@code text} is printable on one line (no line breaks or tabs). */
    public static boolean isLine(String text) {
        return check(text, false);
    }

    /** Whether {@code text} is printable as paragraphs (line breaks and tabs allowed). */
    public static boolean isParagraphs(String text) {
        return check(text, true);
    }

    private static boolean check(String text, boolean paragraphs) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isISOControl(c) && !(paragraphs && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
            if (Character.getType(c) == Character.FORMAT && c != '\u200E' && c != '\u200F' && c != '\u061C') {
                return false;
            }
        }
        return true;
    }
}
