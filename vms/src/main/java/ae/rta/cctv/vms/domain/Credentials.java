package ae.rta.cctv.vms.domain;

import java.util.Objects;

/** A camera's login. Its text form never shows the password. */
public record Credentials(String username, String password) {

    public static final int MAX_LENGTH = 256;

    /** @throws IllegalArgumentException when either part is blank, too long or holds control characters */
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank() || username.length() > MAX_LENGTH || password.isEmpty() || password.length() > MAX_LENGTH
                || (username + password).chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("username and password must be 1 to " + MAX_LENGTH
                    + " printable characters");
        }
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
