package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.api.domain.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where users and their password hashes are kept. */
public interface UserRepository {

    /** A user and the hash of their password. */
    record Credentials(User user, String passwordHash) {
    }

    /** The user of that name, whatever its case. */
    Optional<Credentials> findByUsername(String username);

    Optional<User> findById(UUID id);

    /** @throws DuplicateUsernameException when a user of that name (in any case) exists */
    void insert(User user, String passwordHash);

    /** Stores the user's role, agency, display name, enabled flag and token version. @return false when absent */
    boolean update(User user);

    /** Replaces the password hash and stores the user's new token version. @return false when absent */
    boolean updatePassword(User user, String passwordHash);

    /** Users ordered by username. */
    List<User> list(int offset, int limit);

    long count();

    /** Thrown when a username is taken. */
    final class DuplicateUsernameException extends RuntimeException {
        public DuplicateUsernameException(String username) {
            super("a user called '" + username + "' exists");
        }
    }
}
