package ae.rta.cctv.api.application.port.out;

import java.time.Duration;

/** Token buckets shared by every api instance. */
public interface RateLimiter {

    /** A bucket's shape: {@code capacity} tokens, refilled evenly over {@code period}. */
    record Limit(long capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive capacity and period");
            }
        }
    }

    /** The answer to one request for a token. @param retryAfter zero when granted */
    record Decision(boolean granted, Duration retryAfter) {
        public static final Decision GRANTED = new Decision(true, Duration.ZERO);
    }

    /** Takes one token from the bucket {@code key} of shape {@code limit}. */
    Decision tryConsume(String key, Limit limit);

    /** Gives a token back to the bucket {@code key}, up to its capacity. */
    void refund(String key, Limit limit);
}
