package ae.rta.cctv.live.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rendezvous (highest random weight) hashing: every key ranks the nodes in its own stable order, so keys spread
 * evenly, and adding or removing a node moves only the keys it wins or held. Every instance of a service that sees
 * the same node names computes the same order, with no coordination.
 */
public final class Rendezvous {

    private Rendezvous() {
    }

    /** The nodes in {@code key}'s order: the first is its home, the next its first fallback, and so on. */
    public static <T> List<T> order(String key, List<T> nodes, Function<T, String> name) {
        return nodes.stream()
                .sorted(Comparator.comparingLong((T node) -> weight(key, name.apply(node))).reversed()
                        .thenComparing(name))
                .toList();
    }

    static long weight(String key, String node) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(node.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
