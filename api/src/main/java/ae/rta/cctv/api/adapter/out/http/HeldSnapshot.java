package ae.rta.cctv.api.adapter.out.http;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Another service's answer, held in memory and read again in the background every {@code refreshAfter}: reads cost
 * no call, and an outage serves the last answer for up to {@code staleFor}, then fails. The cache refreshes on
 * access, so a first read after a quiet minute would get the minute-old answer: one older than two refresh periods is
 * read again before it is served, and after a failed read, reads do not wait on the source again before a refresh
 * period has passed.
 *
 * @param <T> the answer
 */
public final class HeldSnapshot<T> {

    private record Loaded<T>(T value, long atNanos) {
    }

    private final LoadingCache<String, Loaded<T>> cache;
    private final Supplier<T> load;
    private final long freshFor;
    private volatile long lastFailedNanos;
    private volatile boolean failed;

    public HeldSnapshot(Supplier<T> load, Duration refreshAfter, Duration staleFor) {
        this.load = load;
        this.freshFor = refreshAfter.multipliedBy(2).toNanos();
        this.cache = Caffeine.newBuilder().refreshAfterWrite(refreshAfter).expireAfterWrite(staleFor)
                .build(key -> loaded());
    }

    /** @throws RuntimeException what the load threw, when nothing is held that is not yet stale */
    public T get() {
        Loaded<T> s = cache.get("all");
        long now = System.nanoTime();
        if (now - s.atNanos() > freshFor && (!failed || now - lastFailedNanos > freshFor / 2)) {
            try {
                s = loaded();
                cache.put("all", s);
                failed = false;
            } catch (RuntimeException e) {
                lastFailedNanos = now;
                failed = true;
            }
        }
        return s.value();
    }

    /** Forgets what is held: the next read loads again (after a write through the source). */
    public void invalidate() {
        cache.invalidateAll();
    }

    private Loaded<T> loaded() {
        return new Loaded<>(load.get(), System.nanoTime());
    }
}
