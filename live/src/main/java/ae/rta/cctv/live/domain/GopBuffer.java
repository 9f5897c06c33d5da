package ae.rta.cctv.live.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The fragments since the newest keyframe: what a viewer who joins now is sent first, so its picture starts at
 * once instead of at the next keyframe. Bounded by {@code maxBytes}: a camera with a very long keyframe interval
 * makes joiners wait for the next keyframe rather than hold an unbounded buffer.
 */
public final class GopBuffer {

    private final long maxBytes;
    private final List<Fragment> fragments = new ArrayList<>();
    private long bytes;

    public GopBuffer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized void add(Fragment fragment) {
        if (fragment.keyframe()) {
            fragments.clear();
            bytes = 0;
        } else if (fragments.isEmpty() || bytes + fragment.size() > maxBytes) {
            fragments.clear();
            bytes = 0;
            return;
        }
        fragments.add(fragment);
        bytes += fragment.size();
    }

    /** From the newest keyframe to the newest fragment; empty when there is no whole group to start from. */
    public synchronized List<Fragment> snapshot() {
        return List.copyOf(fragments);
    }

    public synchronized void clear() {
        fragments.clear();
        bytes = 0;
    }
}
