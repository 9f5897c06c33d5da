package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.RateLimiter.Decision;
import ae.rta.cctv.api.application.port.out.SessionStore;
import ae.rta.cctv.api.application.port.out.SessionStore.Rotation;
import ae.rta.cctv.api.application.port.out.UserRepository;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.User;
import ae.rta.cctv.common.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sign-in, refresh and sign-out for users of the embedded issuer.
 *
 * <p>Refresh tokens rotate: each is good for one use and its successor comes with the new access token. Presenting
 * a used one means it was copied, so the whole sign-in (every token descended from the login) is revoked at once.
 */
public final class SignInService {

    private static final Pattern REFRESH_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String WRONG_CREDENTIALS = "The username or password is wrong.";

    private final UserRepository users;
    private final SessionStore sessions;
    private final AccessTokens tokens;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Duration refreshTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** What a successful sign-in or refresh hands back. */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    }

    public SignInService(UserRepository users, SessionStore sessions, AccessTokens tokens, Passwords passwords,
            LoginThrottle throttle, AuditTrail audit, Duration refreshTtl, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    /**
     * @throws ProblemException 400 when the username cannot be one, 401 on wrong credentials or a disabled user,
     *     429 (with {@code retryAfterSeconds}) after too many failures for the username or the source address
     */
    public TokenPair login(String username, String password, RequestOrigin origin) {
        User.requireUsername(username);
        if (password == null || password.isEmpty() || password.length() > 1024) {
            throw new IllegalArgumentException("password must be 1 to 1024 characters");
        }
        Decision allowed = throttle.attempt(username, origin.sourceIp());
        if (!allowed.granted()) {
            audit.record(username, null, AuditAction.LOGIN_FAILED, username, AuditOutcome.DENIED,
                    "too many failed sign-ins; refused without checking the password", origin);
            throw tooManyAttempts(allowed.retryAfter());
        }
        Optional<UserRepository.Credentials> found = users.findByUsername(username);
        if (found.isEmpty()) {
            passwords.decoyCheck(password);
            audit.record(username, null, AuditAction.LOGIN_FAILED, username, AuditOutcome.DENIED, "no such user", origin);
            throw ProblemException.unauthorized(WRONG_CREDENTIALS);
        }
        User user = found.get().user();
        if (!passwords.matches(password, found.get().passwordHash())) {
            audit.record(user.username(), user.agency().value(), AuditAction.LOGIN_FAILED, user.username(),
                    AuditOutcome.DENIED, "wrong password", origin);
            throw ProblemException.unauthorized(WRONG_CREDENTIALS);
        }
        if (!user.enabled()) {
            audit.record(user.username(), user.agency().value(), AuditAction.LOGIN_FAILED, user.username(),
                    AuditOutcome.DENIED, "user is disabled", origin);
            throw ProblemException.unauthorized(WRONG_CREDENTIALS);
        }
        throttle.succeeded(username, origin.sourceIp());
        UUID session = UUID.randomUUID();
        String refresh = newRefreshToken();
        Instant now = clock.instant();
        sessions.create(session, user.id(), origin.sourceIp(), now, hash(refresh), now.plus(refreshTtl));
        audit.record(user.username(), user.agency().value(), AuditAction.LOGIN, user.username(), AuditOutcome.SUCCESS,
                null, origin);
        AccessTokens.Issued access = tokens.issue(user, session);
        return new TokenPair(access.token(), refresh, access.expiresInSeconds());
    }

    /** @throws ProblemException 401 for an unknown, expired, revoked or reused refresh token */
    public TokenPair refresh(String refreshToken, RequestOrigin origin) {
        if (refreshToken == null || !REFRESH_TOKEN.matcher(refreshToken).matches()) {
            throw ProblemException.unauthorized("The refresh token is not valid.");
        }
        String next = newRefreshToken();
        Instant now = clock.instant();
        Rotation rotation = sessions.rotate(hash(refreshToken), hash(next), now, now.plus(refreshTtl));
        return switch (rotation) {
            case Rotation.Rotated rotated -> {
                Optional<User> user = users.findById(rotated.userId()).filter(User::enabled);
                if (user.isEmpty()) {
                    sessions.revoke(rotated.sessionId(), "user disabled or removed", now);
                    throw ProblemException.unauthorized("The refresh token is not valid.");
                }
                AccessTokens.Issued access = tokens.issue(user.get(), rotated.sessionId());
                yield new TokenPair(access.token(), next, access.expiresInSeconds());
            }
            case Rotation.Reused reused -> {
                tokens.forget(reused.sessionId());
                Optional<User> owner = users.findById(reused.userId());
                String actor = owner.map(User::username).orElse(reused.userId().toString());
                String agency = owner.map(u -> u.agency().value()).orElse(null);
                audit.record(actor, agency, AuditAction.TOKEN_REUSE, "session " + reused.sessionId(), AuditOutcome.DENIED,
                        "a used refresh token was presented again; the sign-in was revoked", origin);
                throw ProblemException.unauthorized(
                        "The refresh token was already used. The sign-in has been revoked; sign in again.");
            }
            case Rotation.Refused refused -> throw ProblemException.unauthorized("The refresh token is not valid.");
        };
    }

    /** Ends the caller's sign-in: its refresh token and every access token of it stop working. */
    public void logout(Caller caller, RequestOrigin origin) {
        caller.session().ifPresent(session -> {
            sessions.revoke(session, "logout", clock.instant());
            tokens.forget(session);
        });
        audit.record(caller, AuditAction.LOGOUT, caller.username(), AuditOutcome.SUCCESS, null, origin);
    }

    private static ProblemException tooManyAttempts(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ProblemException.tooManyRequests(
                "Too many failed sign-ins for this user or address. Try again in " + seconds + " s.", seconds, Map.of());
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
