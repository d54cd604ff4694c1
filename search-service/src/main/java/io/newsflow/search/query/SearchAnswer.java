package io.newsflow.search.query;

import org.apache.lucene.search.FieldDoc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A computed search, what it takes to add later matches to it, and, once a client has been sent it,
 * its JSON. A cached answer is encoded once: writing Vietnamese text as UTF-8 JSON costs more than
 * finding the answer in the cache.
 */
final class SearchAnswer {

    private final SearchResult result;
    private final int[] matchesPerSegment;
    private final FieldDoc[] hits;
    private final FacetTally facets;
    private final ScoringStatistics statistics;
    // racy but safe: two threads may both encode, and both write the same bytes
    private volatile byte[] json;

    /**
     * @param matchesPerSegment how many documents matched in each segment of the reader, in the
     *                          order of its leaves; null when unknown (the answer is then never
     *                          carried over a refresh)
     * @param hits              the page's hits and the one after it, with their sort values; null
     *                          when unknown (later matches are then never added)
     * @param facets            the facet counts behind the result's; null when unknown
     * @param statistics        what the hits were scored with; null when unknown
     */
    SearchAnswer(SearchResult result, int[] matchesPerSegment, FieldDoc[] hits, FacetTally facets, ScoringStatistics statistics) {
        this.result = result;
        this.matchesPerSegment = matchesPerSegment;
        this.hits = hits;
        this.facets = facets;
        this.statistics = statistics;
    }

    SearchResult result() {
        return result;
    }

    /** Where the matches are: what a refresh is checked against ({@link SearchResultCache}). */
    int[] matchesPerSegment() {
        return matchesPerSegment;
    }

    FieldDoc[] hits() {
        return hits;
    }

    FacetTally facets() {
        return facets;
    }

    ScoringStatistics statistics() {
        return statistics;
    }

    byte[] json(JsonMapper mapper) {
        byte[] encoded = json;
        if (encoded == null) {
            encoded = mapper.writeValueAsBytes(result);
            json = encoded;
        }
        return encoded;
    }
}
