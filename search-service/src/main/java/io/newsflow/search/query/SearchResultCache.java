package io.newsflow.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers of recent searches, each tied to the point-in-time reader that computed it (as Solr's
 * query result cache and Elasticsearch's request cache do), and carried over a refresh that cannot
 * have changed it. Readers ask the same few questions again and again (a name in the news, a
 * section's tag, newest first), and each of those costs the index the same work every time.
 * <p>
 * While articles stream in, the index refreshes several times a second, and a cache that drops
 * everything on each refresh would hardly ever answer. A refresh of a news index mostly adds a small
 * segment of new articles and leaves the others as they were. When every segment the answer was
 * computed on is still there with the same live documents, and the search finds nothing in the
 * added segments, the answer's documents, total and facets are exactly those of the new reader, and
 * the answer is kept. An article is therefore searchable exactly as soon as without the cache: a
 * search it matches is computed afresh. Merged segments or new deletions (an updated article)
 * recompute. Concurrent identical searches compute once.
 */
final class SearchResultCache {

    static final String METRIC_NAME = "newsflow.search.results";
    static final String CARRIED_OVER_METRIC = "newsflow.search.results.carried.over";

    /** A search against one reader; throws what the index throws. */
    @FunctionalInterface
    interface Computation {
        SearchAnswer compute() throws IOException;
    }

    /** Whether the search finds any live document in segments a refresh added. */
    @FunctionalInterface
    interface AddedMatches {
        boolean any(List<LeafReaderContext> added) throws IOException;
    }

    private final Cache<SearchRequest, Entry> cache;
    private final ConcurrentStatsCounter stats;
    private final Counter carriedOver;

    private SearchResultCache(Cache<SearchRequest, Entry> cache, ConcurrentStatsCounter stats, Counter carriedOver) {
        this.cache = cache;
        this.stats = stats;
        this.carriedOver = carriedOver;
    }

    /** Keeps up to {@code size} answers (0: none) and reports hits and misses to the registry. */
    static SearchResultCache of(int size, MeterRegistry registry) {
        if (size == 0) {
            return disabled();
        }
        // hits and misses are counted here, not by Caffeine: an answer of an older reader that is
        // present in the map is a hit only once it is known to hold for the current reader
        ConcurrentStatsCounter stats = new ConcurrentStatsCounter();
        Cache<SearchRequest, Entry> cache = Caffeine.newBuilder().maximumSize(size).recordStats(() -> stats).build();
        CaffeineCacheMetrics.monitor(registry, cache, METRIC_NAME);
        Counter carriedOver = Counter.builder(CARRIED_OVER_METRIC)
                .description("Cached search answers kept over an index refresh that added nothing they match")
                .register(registry);
        return new SearchResultCache(cache, stats, carriedOver);
    }

    static SearchResultCache disabled() {
        return new SearchResultCache(null, null, null);
    }

    /** The answer computed for this request against this very reader, or null: never computes, never blocks. */
    SearchAnswer getIfPresent(IndexReader reader, SearchRequest request) {
        IndexReader.CacheHelper identity = reader.getReaderCacheHelper();
        if (cache == null || identity == null) {
            return null;
        }
        Entry entry = cache.asMap().get(request);
        if (entry == null || entry.generation.reader != identity.getKey()) {
            // counted by get, which the caller goes on to
            return null;
        }
        stats.recordHits(1);
        return entry.answer;
    }

    /**
     * The answer for this reader: the cached one when it was computed on this reader or still holds
     * for it, else computed now.
     */
    SearchAnswer get(IndexReader reader, SearchRequest request, AddedMatches addedMatches, Computation computation)
            throws IOException {
        IndexReader.CacheHelper identity = reader.getReaderCacheHelper();
        if (cache == null || identity == null) {
            return computation.compute();
        }
        IndexReader.CacheKey readerKey = identity.getKey();
        Entry known = cache.asMap().get(request);
        if (known != null && known.generation.reader == readerKey) {
            stats.recordHits(1);
            return known.answer;
        }
        Generation current = Generation.of(readerKey, reader);
        if (known != null) {
            List<LeafReaderContext> added = known.generation.addedIn(reader);
            if (added != null && !addedMatches.any(added)) {
                // a concurrent search may have replaced it meanwhile: then its entry stays
                cache.asMap().replace(request, known, new Entry(current, known.answer));
                stats.recordHits(1);
                carriedOver.increment();
                return known.answer;
            }
        }
        try {
            boolean[] computedHere = {false};
            Entry entry = cache.asMap().compute(request, (key, present) -> {
                if (present != null && present.generation.reader == readerKey) {
                    return present;
                }
                computedHere[0] = true;
                try {
                    return new Entry(current, computation.compute());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (computedHere[0]) {
                stats.recordMisses(1);
            } else {
                stats.recordHits(1);
            }
            return entry.answer;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record Entry(Generation generation, SearchAnswer answer) {
    }

    /** A segment as a search sees it: its immutable core and how many of its documents are live. */
    private record Segment(Object core, int liveDocs) {

        static Segment of(LeafReaderContext leaf) {
            IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
            // a reader without a core key is never recognised again: its answers recompute
            return new Segment(core == null ? new Object() : core.getKey(), leaf.reader().numDocs());
        }
    }

    /**
     * The reader an answer holds for and its segments. The index only adds and deletes documents
     * (an update is both), never changes one in place, so a segment with the same core and the same
     * number of live documents holds the same documents with the same values.
     */
    private record Generation(IndexReader.CacheKey reader, Set<Segment> segments) {

        static Generation of(IndexReader.CacheKey key, IndexReader reader) {
            Set<Segment> segments = new HashSet<>();
            reader.leaves().forEach(leaf -> segments.add(Segment.of(leaf)));
            return new Generation(key, segments);
        }

        /** The segments of {@code reader} that are new, or null when one of these is gone or changed. */
        List<LeafReaderContext> addedIn(IndexReader reader) {
            List<LeafReaderContext> added = new ArrayList<>();
            int unchanged = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                if (segments.contains(Segment.of(leaf))) {
                    unchanged++;
                } else {
                    added.add(leaf);
                }
            }
            return unchanged == segments.size() ? added : null;
        }
    }
}
