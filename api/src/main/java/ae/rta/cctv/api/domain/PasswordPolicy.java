package ae.rta.cctv.api.domain;

/** What a new password must be: long enough to resist guessing, short enough to hash cheaply. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** @throws IllegalArgumentException naming the rule the password breaks */
    public static String require(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (password.isBlank() || password.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("password must not be blank or contain control characters");
        }
        return password;
    }
}
