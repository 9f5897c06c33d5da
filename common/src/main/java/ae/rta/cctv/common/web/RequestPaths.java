package ae.rta.cctv.common.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request path means to the guards, whatever its spelling.
 *
 * <p>A guard that compares the raw request URI can be walked around: Spring matches the decoded path with
 * {@code ;} parameters removed, so {@code /%69nternal/...} and {@code /internal;x/...} reach {@code /internal/...}
 * handlers. {@link #canonical} is the widest reading any layer could give a path (percent-decoded until stable,
 * {@code ;} parameters dropped, backslashes read as slashes, repeated slashes merged, dot segments resolved, lower
 * case), so a guard deciding on it covers every spelling; {@link #irregularity} says why a raw path is not in the one
 * plain form a legitimate client sends, so the firewall can refuse everything else.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * The widest reading of {@code rawPath} (the request URI without query): decoded, normalised, lower case.
     * An undecodable path reads as itself lower-cased, with the same normalisation.
     */
    public static String canonical(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        for (int i = 0; i < 5; i++) {
            String decoded = percentDecodeLenient(path);
            if (decoded.equals(path)) {
                break;
            }
            path = decoded;
        }
        path = path.replace('\\', '/');
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            int semicolon = segment.indexOf(';');
            String name = semicolon >= 0 ? segment.substring(0, semicolon) : segment;
            name = name.strip();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(name);
        }
        return ("/" + String.join("/", segments)).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code rawPath} is {@code prefix} or below it, however it is spelt (prefix: lower case, no slash at the end). */
    public static boolean isUnder(String rawPath, String prefix) {
        String canonical = canonical(rawPath);
        return canonical.equals(prefix) || canonical.startsWith(prefix + "/");
    }

    /**
     * Why {@code rawPath} is not a plain path, or empty when it is. Plain: starts with {@code /}, no {@code ;}
     * parameters, no backslash, no empty or dot segments, no percent-encoded {@code /}, {@code \}, {@code .},
     * {@code %} or control character, and every escape decodes as UTF-8.
     */
    public static Optional<String> irregularity(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("The path must start with '/'.");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("Path parameters (';') are not accepted.");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("A backslash is not accepted in a path.");
        }
        if (rawPath.contains("//")) {
            return Optional.of("Empty path segments ('//') are not accepted.");
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("Dot segments ('.' or '..') are not accepted in a path.");
            }
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                return Optional.of("A '%' in the path is not followed by two hex digits.");
            }
            int value = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
            if (value == '/' || value == '\\' || value == '.' || value == '%' || value == ';' || value < 0x20 || value == 0x7f) {
                return Optional.of("An encoded '/', '\\', '.', '%', ';' or control character is not accepted in a path.");
            }
        }
        if (strictDecode(rawPath).isEmpty()) {
            return Optional.of("The path is not valid UTF-8 once decoded.");
        }
        return Optional.empty();
    }

    /** {@code text} percent-decoded as UTF-8, or empty when an escape is malformed or the bytes are not UTF-8. */
    public static Optional<String> strictDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
                    return Optional.empty();
                }
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c < 0x100) {
                // The servlet container hands over the raw request line byte for byte (one char a byte).
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String percentDecodeLenient(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
