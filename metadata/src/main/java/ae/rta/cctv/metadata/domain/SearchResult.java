package ae.rta.cctv.metadata.domain;

import java.util.List;

/**
 * A page of hits, best first.
 *
 * @param total how many matched; when {@code totalExact} is false, at least that many (only the newest that many
 *              are ranked)
 */
public record SearchResult(List<SearchHit> hits, long total, boolean totalExact) {
}
