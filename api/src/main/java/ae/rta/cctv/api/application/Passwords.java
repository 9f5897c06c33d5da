package ae.rta.cctv.api.application;

import java.util.UUID;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing with Argon2id at the OWASP baseline (19 MiB, 2 iterations, 1 lane). A check for a user that does
 * not exist still costs one hash, so response time does not tell an attacker which usernames are real.
 */
public final class Passwords {

    private final Argon2PasswordEncoder encoder;
    private final String decoy;

    public Passwords() {
        this(19 * 1024, 2);
    }

    /** @param memoryKib Argon2 memory cost; tests may lower it, production keeps the default */
    public Passwords(int memoryKib, int iterations) {
        this.encoder = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
        this.decoy = encoder.encode(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check and answers nothing: for usernames that do not exist. */
    public void decoyCheck(String password) {
        encoder.matches(password, decoy);
    }
}
