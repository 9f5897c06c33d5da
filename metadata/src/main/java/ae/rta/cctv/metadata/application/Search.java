package ae.rta.cctv.metadata.application;

import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.metadata.application.port.out.SearchIndex;
import ae.rta.cctv.metadata.domain.SearchQuery;
import ae.rta.cctv.metadata.domain.SearchResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Full-text search, timed: {@code cctv_metadata_search_seconds} (histogram) by outcome. */
public final class Search {

    private final SearchIndex index;
    private final int maxRanked;
    private final Timer found;
    private final Timer timedOut;

    /** @param maxRanked how many of the newest matches are ranked at most (ADR 10) */
    public Search(SearchIndex index, int maxRanked, MeterRegistry registry) {
        this.index = index;
        this.maxRanked = maxRanked;
        this.found = timer(registry, "ok");
        this.timedOut = timer(registry, "timeout");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("cctv.metadata.search").description("Full-text searches, from query to ranked page with snippets")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry);
    }

    /** @throws ProblemException 503 when the search ran out of time */
    public SearchResult search(SearchQuery query) {
        long start = System.nanoTime();
        try {
            SearchResult result = index.search(query, maxRanked);
            found.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return result;
        } catch (SearchIndex.SearchTimeoutException e) {
            timedOut.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            throw ProblemException.unavailable("The search took too long; narrow it with more words or filters.");
        }
    }
}
