package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.RateLimiter;
import ae.rta.cctv.api.application.port.out.RateLimiter.Decision;
import ae.rta.cctv.api.application.port.out.RateLimiter.Limit;
import java.time.Duration;
import java.util.Locale;

/**
 * Brute-force protection for sign-in: every attempt takes a token from the bucket of its user name at its source
 * address and from the source address's own bucket, and a successful one gives them back. So only failures count,
 * concurrent guesses cannot slip past the limit between a check and a count, and a stranger's failures never lock a
 * user out: the user's right password from an address that has not failed still signs in (a bucket per user alone
 * would let anyone lock any known user name).
 */
public final class LoginThrottle {

    private final RateLimiter limiter;
    private final Limit perUserAndAddress;
    private final Limit perAddress;

    public LoginThrottle(RateLimiter limiter, int failuresPerUserAndAddress, int failuresPerAddress, Duration window) {
        this.limiter = limiter;
        this.perUserAndAddress = new Limit(failuresPerUserAndAddress, window);
        this.perAddress = new Limit(failuresPerAddress, window);
    }

    /** Takes the tokens for one attempt; a refusal says how long to wait. */
    public Decision attempt(String username, String sourceIp) {
        Decision user = limiter.tryConsume(userKey(username, sourceIp), perUserAndAddress);
        if (!user.granted()) {
            return user;
        }
        Decision address = limiter.tryConsume(addressKey(sourceIp), perAddress);
        if (!address.granted()) {
            limiter.refund(userKey(username, sourceIp), perUserAndAddress);
        }
        return address;
    }

    /** Gives back the tokens of an attempt that succeeded. */
    public void succeeded(String username, String sourceIp) {
        limiter.refund(userKey(username, sourceIp), perUserAndAddress);
        limiter.refund(addressKey(sourceIp), perAddress);
    }

    private static String userKey(String username, String sourceIp) {
        return "login:user-ip:" + address(sourceIp) + ":" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String sourceIp) {
        return "login:ip:" + address(sourceIp);
    }

    private static String address(String sourceIp) {
        return sourceIp == null ? "unknown" : sourceIp;
    }
}
