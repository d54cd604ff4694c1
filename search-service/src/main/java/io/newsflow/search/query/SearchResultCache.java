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
 * segment of new articles, and now and then merges small segments into a larger one. Documents never
 * change in place (an update deletes the old one and adds a new one), so an answer still holds for
 * the new reader when every segment that held one of its matches is still there with the same live
 * documents, and the search matches nothing in any other segment of the new reader (new, merged, or
 * one that only lost documents that never matched). Then its documents, total and facets are exactly
 * the new reader's, and it is kept. An article is therefore searchable exactly as soon as without the
 * cache: a search it matches is computed afresh, and so is one whose matching segment lost documents.
 * Concurrent identical searches compute once.
 * <p>
 * Only the scores of a kept answer are those of the older reader: a few new articles shift BM25's
 * collection statistics by a fraction of a percent.
 */
final class SearchResultCache {

    static final String METRIC_NAME = "newsflow.search.results";
    /** What became of cached answers when the index refreshed: kept, or recomputed and why. */
    static final String REFRESHED_METRIC = "newsflow.search.results.refreshed";

    /** A search against one reader; throws what the index throws. */
    @FunctionalInterface
    interface Computation {
        SearchAnswer compute() throws IOException;
    }

    /** Whether the search finds any live document in these segments. */
    @FunctionalInterface
    interface SegmentMatches {
        boolean any(List<LeafReaderContext> segments) throws IOException;
    }

    private final Cache<SearchRequest, Entry> cache;
    private final ConcurrentStatsCounter stats;
    private final Counter kept;
    private final Counter matchedNew;
    private final Counter segmentsChanged;

    private SearchResultCache(Cache<SearchRequest, Entry> cache, ConcurrentStatsCounter stats, MeterRegistry registry) {
        this.cache = cache;
        this.stats = stats;
        this.kept = refreshed(registry, "kept");
        this.matchedNew = refreshed(registry, "matched-new");
        this.segmentsChanged = refreshed(registry, "segments-changed");
    }

    private static Counter refreshed(MeterRegistry registry, String outcome) {
        return registry == null ? null : Counter.builder(REFRESHED_METRIC).tag("outcome", outcome)
                .description("Cached search answers met again after an index refresh: kept, or recomputed because the"
                        + " search matches a new article or the segments it was computed on were merged or lost documents")
                .register(registry);
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
        return new SearchResultCache(cache, stats, registry);
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
    SearchAnswer get(IndexReader reader, SearchRequest request, SegmentMatches segmentMatches, Computation computation)
            throws IOException {
        IndexReader.CacheHelper identity = reader.getReaderCacheHelper();
        if (cache == null || identity == null) {
            return computation.compute();
        }
        IndexReader.CacheKey readerKey = identity.getKey();
        // one thread per request checks or computes; identical searches arriving meanwhile wait for it
        boolean[] computed = {false};
        try {
            Entry entry = cache.asMap().compute(request, (key, present) -> {
                try {
                    if (present != null && present.generation.reader == readerKey) {
                        return present;
                    }
                    if (present != null) {
                        Entry keptEntry = keptOrNull(present, readerKey, reader, segmentMatches);
                        if (keptEntry != null) {
                            return keptEntry;
                        }
                    }
                    computed[0] = true;
                    SearchAnswer answer = computation.compute();
                    return new Entry(Generation.of(readerKey, reader, answer.matchesPerSegment()), answer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (computed[0]) {
                stats.recordMisses(1);
            } else {
                stats.recordHits(1);
            }
            return entry.answer;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The entry moved to {@code reader} when its answer still holds there, else null (counted either way). */
    private Entry keptOrNull(Entry present, IndexReader.CacheKey readerKey, IndexReader reader, SegmentMatches segmentMatches)
            throws IOException {
        List<LeafReaderContext> toSearch = present.generation.segmentsToSearch(reader);
        if (toSearch == null) {
            segmentsChanged.increment();
            return null;
        }
        if (segmentMatches.any(toSearch)) {
            matchedNew.increment();
            return null;
        }
        kept.increment();
        return new Entry(present.generation.keptIn(readerKey, reader), present.answer);
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
     * The reader an answer holds for, its segments, and those of them holding a match. A segment with
     * the same core and the same number of live documents holds the same documents with the same
     * values: the index never changes a document in place.
     */
    private record Generation(IndexReader.CacheKey reader, Set<Segment> segments, Set<Segment> matching) {

        /** {@code matchesPerSegment} in the order of the reader's leaves; null: any segment may hold one. */
        static Generation of(IndexReader.CacheKey key, IndexReader reader, int[] matchesPerSegment) {
            Set<Segment> segments = new HashSet<>();
            Set<Segment> matching = new HashSet<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Segment segment = Segment.of(leaf);
                segments.add(segment);
                if (matchesPerSegment == null || matchesPerSegment[leaf.ord] > 0) {
                    matching.add(segment);
                }
            }
            return new Generation(key, segments, matching);
        }

        /**
         * The segments of {@code reader} the search must find nothing in for the answer to hold: all
         * but the unchanged ones of this generation. Null when a segment that held a match is gone or
         * changed: the answer no longer holds.
         */
        List<LeafReaderContext> segmentsToSearch(IndexReader reader) {
            List<LeafReaderContext> toSearch = new ArrayList<>();
            int matchingStill = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                Segment segment = Segment.of(leaf);
                if (matching.contains(segment)) {
                    matchingStill++;
                } else if (!segments.contains(segment)) {
                    toSearch.add(leaf);
                }
            }
            return matchingStill == matching.size() ? toSearch : null;
        }

        /** This generation's answer found to hold for {@code reader}: the matches are where they were. */
        Generation keptIn(IndexReader.CacheKey key, IndexReader reader) {
            Set<Segment> now = new HashSet<>();
            reader.leaves().forEach(leaf -> now.add(Segment.of(leaf)));
            return new Generation(key, now, matching);
        }
    }
}
