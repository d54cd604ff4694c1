package io.newsflow.search.query;

import tools.jackson.databind.json.JsonMapper;

/**
 * A computed search and, once a client has been sent it, its JSON. A cached answer is encoded
 * once: writing Vietnamese text as UTF-8 JSON costs more than finding the answer in the cache.
 */
final class SearchAnswer {

    private final SearchResult result;
    private final int[] matchesPerSegment;
    // racy but safe: two threads may both encode, and both write the same bytes
    private volatile byte[] json;

    /**
     * @param matchesPerSegment how many documents matched in each segment of the reader, in the
     *                          order of its leaves; null when unknown (any segment may hold one)
     */
    SearchAnswer(SearchResult result, int[] matchesPerSegment) {
        this.result = result;
        this.matchesPerSegment = matchesPerSegment;
    }

    SearchResult result() {
        return result;
    }

    /** Where the matches are: what a refresh is checked against ({@link SearchResultCache}). */
    int[] matchesPerSegment() {
        return matchesPerSegment;
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
