package ae.rta.cctv.api.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-ins and their refresh tokens. A session is the family of refresh tokens descending from one login; each
 * token is used once. Tokens are handed in as hashes: the store never sees a usable token.
 */
public interface SessionStore {

    /** Starts a session whose first refresh token has hash {@code tokenHash}. */
    void create(UUID sessionId, UUID userId, String sourceIp, Instant now, String tokenHash, Instant expiresAt);

    /** What became of an attempt to trade a refresh token for the next one. */
    sealed interface Rotation {
        /** The token was valid and is now used; {@code nextHash} is the session's live token. */
        record Rotated(UUID sessionId, UUID userId) implements Rotation {
        }

        /** The token had been used before: the whole session has now been revoked. */
        record Reused(UUID sessionId, UUID userId) implements Rotation {
        }

        /** No such token, or it expired, or its session was revoked. */
        record Refused() implements Rotation {
        }
    }

    /** Atomically marks the token {@code tokenHash} used and stores its successor {@code nextHash}. */
    Rotation rotate(String tokenHash, String nextHash, Instant now, Instant nextExpiresAt);

    /** Ends a session; later refreshes and its access tokens are refused. */
    void revoke(UUID sessionId, String reason, Instant now);

    /** Ends every session of a user. */
    void revokeAllOf(UUID userId, String reason, Instant now);

    /** What an access token of a session needs to be honoured: the session live and its user unchanged. */
    record SessionState(boolean revoked, boolean userEnabled, int tokenVersion) {
    }

    Optional<SessionState> state(UUID sessionId);
}
