package io.newsflow.search.query;

import java.util.List;
import java.util.Map;

/** The body of {@code GET /api/v1/search}. */
record SearchResult(long total, List<Item> items, Facets facets, String nextCursor) {

    record Item(String id, String title, String lead, String publishedAt, String source, float score,
                Map<String, List<String>> highlights) {
    }

    record Facets(List<EntityCount> entities, List<TagCount> tags, List<TopicCount> topics, List<SourceCount> sources) {
        static Facets empty() {
            return new Facets(List.of(), List.of(), List.of(), List.of());
        }
    }

    record EntityCount(String id, String name, int count) {
    }

    record TagCount(String label, int count) {
    }

    record TopicCount(String code, String label, int count) {
    }

    record SourceCount(String source, int count) {
    }
}
