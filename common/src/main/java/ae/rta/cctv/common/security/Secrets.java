package ae.rta.cctv.common.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of text that came from outside this code (FFmpeg's error lines, an exception's message, a
 * device's fault, another service's problem detail) before it becomes a log line, a reason, a problem detail or an
 * audit row. Only the vms service keeps camera logins, in its own storage; everything else sees them masked.
 *
 * <p>What is masked, each replaced by {@value #MASK}:
 * <ul>
 *   <li>the user-info of every URL of any scheme ({@code rtsp://user:pass@host/x} becomes {@code rtsp://***@host/x}),
 *       percent-encoded or not, an {@code @} inside the password included, several URLs in one line each;</li>
 *   <li>the value of a secret-named parameter: {@code password=...}, {@code pwd=}, {@code secret=}, {@code token=},
 *       {@code sig=}, {@code api_key=} and the like, in a query, a form, an option list or JSON
 *       ({@code "password":"..."});</li>
 *   <li>the rest of the line after an {@code Authorization:}, {@code Proxy-Authorization:} or {@code Cookie:} header
 *       name, and a token (8 characters or more) after {@code Bearer}.</li>
 * </ul>
 * A password with a raw (not percent-encoded) space, or a raw {@code /} in a URL whose user name looks like a host and
 * whose password like a port, cannot be told from what follows it; the vms service always percent-encodes them.
 */
public final class Secrets {

    /** What stands in for a masked secret. */
    public static final String MASK = "***";

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    /* An authority that is a plain host with an optional port: nothing in it can be a login. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Za-z:.%]*]|[^:@\\[\\]]*)(:\\d*)?");
    private static final String KEYS = "(?:password|passwd|pass|pwd|secret|apisecret|token|sig|signature|credentials?"
            + "|api[_-]?key|access[_-]?key|secret[_-]?key|client[_-]?secret|authorization|cookie)";
    private static final Pattern JSON_VALUE = Pattern.compile(
            "(?i)(\"[A-Za-z0-9_-]*?(?<![A-Za-z0-9])" + KEYS + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)((?<![A-Za-z0-9])" + KEYS + "\\s*=\\s*)(?:\"[^\"]*\"|'[^']*'|[^\\s&;,\"'<>)}\\]]+)");
    private static final Pattern HEADER = Pattern.compile(
            "(?i)((?<![A-Za-z0-9-])(?:proxy-authorization|authorization|cookie|set-cookie)\\s*:\\s*)[^\\r\\n]+");
    private static final Pattern BEARER = Pattern.compile("(\\bBearer\\s+)[A-Za-z0-9._~+/-]{8,}=*");

    private Secrets() {
    }

    /** {@code text} with every credential in it masked; null for null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = userInfo(text);
        masked = replace(JSON_VALUE, masked, "$1\"" + MASK + "\"");
        masked = replace(PARAMETER, masked, "$1" + MASK);
        masked = replace(HEADER, masked, "$1" + MASK);
        return replace(BEARER, masked, "$1" + MASK);
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }

    /* Every URL's user-info. A URL runs from its scheme to white space, a quote, an angle bracket or the next URL. */
    private static String userInfo(String text) {
        Matcher scheme = SCHEME.matcher(text);
        if (!scheme.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int start = scheme.end();
        while (start >= 0) {
            int next = scheme.find(start) ? scheme.start() : -1;
            int end = urlEnd(text, start, next < 0 ? text.length() : next);
            String rest = text.substring(start, end);
            int at = loginEnd(rest);
            if (at > 0) {
                out.append(text, copied, start).append(MASK);
                copied = start + at;
            }
            start = next < 0 ? -1 : scheme.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static int urlEnd(String text, int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
                return i;
            }
        }
        return limit;
    }

    /* Where the user-info of a URL's text after "scheme://" ends (at its '@'), or -1 when it has none. */
    private static int loginEnd(String url) {
        int authorityEnd = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                authorityEnd = i;
                break;
            }
        }
        String authority = url.substring(0, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            return at;
        }
        // A raw '/' (or '?', '#') in a password ends the authority early: what is left is no host[:port].
        return HOST_PORT.matcher(authority).matches() ? -1 : url.lastIndexOf('@');
    }
}
