package io.newsflow.search.query;

import java.util.List;

/**
 * A validated search: every field already checked and normalised.
 *
 * @param query     the text typed, or null for a pure filter / browse
 * @param entities  entity ids the articles must all mention
 * @param tags      tag labels the articles must all carry
 * @param topics    topic codes the articles must all carry
 * @param sources   sources, any of
 * @param languages languages, any of
 * @param from      published at or after (epoch ms), or null
 * @param to        published before (epoch ms), or null
 * @param newest    sort by published time instead of relevance
 * @param limit     results per page
 * @param cursor    where the previous page stopped, or null
 */
record SearchRequest(String query, List<String> entities, List<String> tags, List<String> topics,
                     List<String> sources, List<String> languages, Long from, Long to, boolean newest, int limit,
                     Cursor cursor) {

    /** Position after the last item of a page: its sort values. */
    record Cursor(float score, long published, String id) {
    }
}
