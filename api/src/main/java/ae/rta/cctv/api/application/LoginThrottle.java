package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.RateLimiter;
import ae.rta.cctv.api.application.port.out.RateLimiter.Decision;
import ae.rta.cctv.api.application.port.out.RateLimiter.Limit;
import java.time.Duration;
import java.util.Locale;

/**
 * Brute-force protection for sign-in: every attempt takes a token from the username's bucket and from the source
 * address's bucket, and a successful one gives them back. So only failures count, and concurrent guesses cannot
 * slip past the limit between a check and a count.
 */
public final class LoginThrottle {

    private final RateLimiter limiter;
    private final Limit perUser;
    private final Limit perAddress;

    public LoginThrottle(RateLimiter limiter, int failuresPerUser, int failuresPerAddress, Duration window) {
        this.limiter = limiter;
        this.perUser = new Limit(failuresPerUser, window);
        this.perAddress = new Limit(failuresPerAddress, window);
    }

    /** Takes the tokens for one attempt; a refusal says how long to wait. */
    public Decision attempt(String username, String sourceIp) {
        Decision user = limiter.tryConsume(userKey(username), perUser);
        if (!user.granted()) {
            return user;
        }
        Decision address = limiter.tryConsume(addressKey(sourceIp), perAddress);
        if (!address.granted()) {
            limiter.refund(userKey(username), perUser);
        }
        return address;
    }

    /** Gives back the tokens of an attempt that succeeded. */
    public void succeeded(String username, String sourceIp) {
        limiter.refund(userKey(username), perUser);
        limiter.refund(addressKey(sourceIp), perAddress);
    }

    private static String userKey(String username) {
        return "login:user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String sourceIp) {
        return "login:ip:" + (sourceIp == null ? "unknown" : sourceIp);
    }
}
