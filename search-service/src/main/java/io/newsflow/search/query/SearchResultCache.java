package io.newsflow.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.apache.lucene.index.IndexReader;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Answers of recent searches, each tied to the point-in-time reader that computed it (as Solr's
 * query result cache and Elasticsearch's request cache do). A refresh opens a new reader, so an
 * article becomes searchable exactly as fast as without the cache: the next search after the
 * refresh misses and computes afresh; entries of old readers are never read again and age out.
 * Readers ask the same few questions again and again (a name in the news, a section's tag, newest
 * first), and each of those costs the index the same work every time until the next refresh.
 * Concurrent identical searches compute once.
 */
final class SearchResultCache {

    static final String METRIC_NAME = "newsflow.search.results";

    private record Key(IndexReader.CacheKey reader, SearchRequest request) {
    }

    /** A search against one reader; throws what the index throws. */
    @FunctionalInterface
    interface Computation {
        SearchAnswer compute() throws IOException;
    }

    private final Cache<Key, SearchAnswer> cache;

    private SearchResultCache(Cache<Key, SearchAnswer> cache) {
        this.cache = cache;
    }

    /** Keeps up to {@code size} answers (0: none) and reports hits and misses to the registry. */
    static SearchResultCache of(int size, MeterRegistry registry) {
        if (size == 0) {
            return disabled();
        }
        Cache<Key, SearchAnswer> cache = Caffeine.newBuilder().maximumSize(size).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, METRIC_NAME);
        return new SearchResultCache(cache);
    }

    static SearchResultCache disabled() {
        return new SearchResultCache(null);
    }

    /** The answer computed for this request against this reader, or null: never computes, never blocks. */
    SearchAnswer getIfPresent(IndexReader reader, SearchRequest request) {
        IndexReader.CacheHelper identity = reader.getReaderCacheHelper();
        return cache == null || identity == null ? null : cache.getIfPresent(new Key(identity.getKey(), request));
    }

    SearchAnswer get(IndexReader reader, SearchRequest request, Computation computation) throws IOException {
        IndexReader.CacheHelper identity = reader.getReaderCacheHelper();
        if (cache == null || identity == null) {
            return computation.compute();
        }
        try {
            return cache.get(new Key(identity.getKey(), request), key -> {
                try {
                    return computation.compute();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
