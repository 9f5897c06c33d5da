package ae.rta.cctv.metadata.application.port.out;

import ae.rta.cctv.metadata.domain.SearchQuery;
import ae.rta.cctv.metadata.domain.SearchResult;

/** Full-text search over the documents the stores keep. */
public interface SearchIndex {

    /**
     * The page of hits {@code query} asks for, ranked by relevance among the newest {@code maxRanked} matches.
     *
     * @throws SearchTimeoutException when the search ran out of its time
     */
    SearchResult search(SearchQuery query, int maxRanked);

    /** A search took longer than it is allowed to. */
    final class SearchTimeoutException extends RuntimeException {
        public SearchTimeoutException(Throwable cause) {
            super("the search took too long", cause);
        }
    }
}
