package io.newsflow.search.query;

import tools.jackson.databind.json.JsonMapper;

/**
 * A computed search and, once a client has been sent it, its JSON. A cached answer is encoded
 * once: writing Vietnamese text as UTF-8 JSON costs more than finding the answer in the cache.
 */
final class SearchAnswer {

    private final SearchResult result;
    // racy but safe: two threads may both encode, and both write the same bytes
    private volatile byte[] json;

    SearchAnswer(SearchResult result) {
        this.result = result;
    }

    SearchResult result() {
        return result;
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
