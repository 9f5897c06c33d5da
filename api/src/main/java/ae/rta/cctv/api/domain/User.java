package ae.rta.cctv.api.domain;

import ae.rta.cctv.common.domain.PrintableText;
import ae.rta.cctv.common.domain.AgencyCode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who signs in with a password.
 *
 * @param tokenVersion raised by every change that must end the user's sessions
 */
public record User(UUID id, String username, String displayName, Role role, AgencyCode agency, boolean enabled,
        int tokenVersion, Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{2,63}");
    public static final int MAX_DISPLAY_NAME = 120;

    /** @throws IllegalArgumentException when the username or display name is not acceptable */
    public User {
        Objects.requireNonNull(id, "id");
        username = requireUsername(username);
        displayName = requireDisplayName(displayName == null ? username : displayName);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @throws IllegalArgumentException unless 3 to 64 letters, digits, dots, dashes, underscores or @ */
    public static String requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 3 to 64 characters: letters, digits, '.', '_', '-', '@', starting with a letter or digit");
        }
        return username;
    }

    private static String requireDisplayName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_DISPLAY_NAME || !PrintableText.isLine(trimmed)) {
            throw new IllegalArgumentException("displayName must be 1 to " + MAX_DISPLAY_NAME + " printable characters");
        }
        return trimmed;
    }

    public User withRole(Role newRole) {
        return new User(id, username, displayName, newRole, agency, enabled, tokenVersion + 1, createdAt);
    }

    public User withAgency(AgencyCode newAgency) {
        return new User(id, username, displayName, role, newAgency, enabled, tokenVersion + 1, createdAt);
    }

    public User withEnabled(boolean nowEnabled) {
        return new User(id, username, displayName, role, agency, nowEnabled, tokenVersion + (nowEnabled ? 0 : 1), createdAt);
    }

    public User withDisplayName(String name) {
        return new User(id, username, name, role, agency, enabled, tokenVersion, createdAt);
    }

    /** The same user after a password reset: every session ends. */
    public User withNewPassword() {
        return new User(id, username, displayName, role, agency, enabled, tokenVersion + 1, createdAt);
    }
}
