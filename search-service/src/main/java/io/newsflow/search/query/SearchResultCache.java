package io.newsflow.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.newsflow.search.index.WriteOrder;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers of recent searches, each tied to the point-in-time reader that computed it (as Solr's
 * query result cache and Elasticsearch's request cache do), and carried over a refresh as it is or
 * with the new matches added. Readers ask the same few questions again and again (a name in the news, a
 * section's tag, newest first), and each of those costs the index the same work every time.
 * <p>
 * While articles stream in, the index refreshes several times a second, and a cache that drops
 * everything on each refresh would hardly ever answer. A refresh of a news index adds a small
 * segment of new articles and often merges small segments into a larger one. Documents never change
 * in place (an update deletes the old one and adds a new one), and each carries its place in the
 * order of writes ({@link WriteOrder}). Among the documents an answer's reader held, what the search
 * matches in a newer reader is a subset of what it matched; if it is as large, it is the same. Then
 * the answer holds as it is when the search matches nothing written since, and otherwise holds once
 * the matches written since are added: the search runs among those few documents alone, and its
 * total, facet counts and page merge into the answer ({@link Extension}), unless a facet label the
 * answer did not keep might now enter the shown top. Only segments that changed since are searched,
 * unscored; a segment with the same core and as many live documents holds the same matches as before.
 * An article is therefore searchable exactly as soon as without the cache. A search that lost a match
 * (deleted, or replaced by a revision) is computed afresh. Concurrent identical searches compute once.
 * <p>
 * Only the scores of a kept or extended answer are those of an older reader, the one it was first
 * computed on (new hits too are scored with its statistics, so that all hits share one scale): a few
 * new articles shift BM25's collection statistics by a fraction of a percent.
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

    /** Adds to an answer what a newer reader's documents add to it. */
    @FunctionalInterface
    interface Extension {
        /**
         * {@code answer} with the matches written after {@code writtenAfter} added; null when that
         * cannot be told exactly, and the search is computed afresh.
         */
        SearchAnswer extend(SearchAnswer answer, long writtenAfter) throws IOException;
    }

    private final Cache<SearchRequest, Entry> cache;
    private final ConcurrentStatsCounter stats;
    private final Counter kept;
    private final Counter extended;
    private final Counter matchedNew;
    private final Counter lostMatch;
    private final Counter otherIndex;

    private SearchResultCache(Cache<SearchRequest, Entry> cache, ConcurrentStatsCounter stats, MeterRegistry registry) {
        this.cache = cache;
        this.stats = stats;
        this.kept = refreshed(registry, "kept");
        this.extended = refreshed(registry, "extended");
        this.matchedNew = refreshed(registry, "matched-new");
        this.lostMatch = refreshed(registry, "lost-match");
        this.otherIndex = refreshed(registry, "other-index");
    }

    private static Counter refreshed(MeterRegistry registry, String outcome) {
        return registry == null ? null : Counter.builder(REFRESHED_METRIC).tag("outcome", outcome)
                .description("Cached search answers met again after an index refresh: kept, extended with the articles"
                        + " written since that they match, or recomputed because those could not be added exactly, the"
                        + " search lost one of its matches, or a rebuilt index took over")
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
        // upkeep on the reading thread: handed to the common pool, it woke a thread of its own every few
        // reads: about 3 % of search-service's CPU samples while serving cached answers
        Cache<SearchRequest, Entry> cache = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run)
                .recordStats(() -> stats).build();
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
     * for it, else computed now. {@code matching} is the search's unscored matching query, built only
     * when an older answer is checked.
     */
    SearchAnswer get(IndexReader reader, SearchRequest request, Supplier<Query> matching, Extension extension,
                     Computation computation) throws IOException {
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
                        Entry keptEntry = keptOrNull(present, readerKey, reader, matching, extension);
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

    /**
     * The entry moved to {@code reader} when its answer still holds there, or holds with the matches
     * written since added; else null (counted either way).
     */
    private Entry keptOrNull(Entry present, IndexReader.CacheKey readerKey, IndexReader reader, Supplier<Query> matching,
                             Extension extension) throws IOException {
        Generation before = present.generation;
        if (before.index == null || before.index != indexOf(reader)) {
            // write orders of two index directories say nothing of each other
            otherIndex.increment();
            return null;
        }
        Map<Segment, Integer> matchesNow = new HashMap<>();
        long earlierMatches = 0;
        long laterMatches = 0;
        Counting counting = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            Segment segment = Segment.of(leaf);
            Integer unchanged = before.matches.get(segment);
            if (unchanged != null) {
                matchesNow.put(segment, unchanged);
                earlierMatches += unchanged;
                continue;
            }
            // new, merged, or with documents deleted since: searched again, unscored
            counting = counting == null ? Counting.of(reader, matching.get(), before.newestWrite) : counting;
            int later = counting.count(counting.writtenSince, leaf);
            int all = counting.count(counting.all, leaf);
            matchesNow.put(segment, all);
            earlierMatches += all - later;
            laterMatches += later;
        }
        // what it matches among the documents it saw is a subset of what it matched: as many, the same
        if (earlierMatches != before.total()) {
            lostMatch.increment();
            return null;
        }
        SearchAnswer answer = present.answer;
        if (laterMatches > 0) {
            answer = extension.extend(answer, before.newestWrite);
            if (answer == null) {
                matchedNew.increment();
                return null;
            }
            extended.increment();
        } else {
            kept.increment();
        }
        return new Entry(new Generation(readerKey, before.index, matchesNow, WriteOrder.newest(reader)), answer);
    }

    /**
     * A search's matches, and those written since its answer's reader, counted segment by segment.
     * The query is rewritten and weighed once for all the segments that changed: for a query of many
     * clauses, rewriting costs more than counting the matches of a small new segment.
     */
    private record Counting(Weight all, Weight writtenSince) {

        static Counting of(IndexReader reader, Query matching, long newestWrite) throws IOException {
            IndexSearcher searcher = new IndexSearcher(reader);
            // a changed segment is counted once per cached answer: nothing worth caching
            searcher.setQueryCache(null);
            Query query = searcher.rewrite(matching);
            // the few documents written since lead the conjunction
            Query later = searcher.rewrite(new BooleanQuery.Builder().add(query, Occur.FILTER)
                    .add(WriteOrder.after(newestWrite), Occur.FILTER).build());
            return new Counting(searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f),
                    searcher.createWeight(later, ScoreMode.COMPLETE_NO_SCORES, 1f));
        }

        /** The live documents of the segment that the weight matches. */
        int count(Weight weight, LeafReaderContext leaf) throws IOException {
            int known = weight.count(leaf);
            if (known >= 0) {
                return known;
            }
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) {
                return 0;
            }
            int[] matches = {0};
            scorer.score(new LeafCollector() {
                @Override
                public void setScorer(Scorable scorable) {
                    // unscored
                }

                @Override
                public void collect(int doc) {
                    matches[0]++;
                }
            }, leaf.reader().getLiveDocs());
            return matches[0];
        }
    }

    /** The index directory a reader reads, or null when it is not known (its answers are never carried over). */
    private static Object indexOf(IndexReader reader) {
        return reader instanceof DirectoryReader directoryReader ? directoryReader.directory() : null;
    }

    private record Entry(Generation generation, SearchAnswer answer) {
    }

    /** A segment as a search sees it: its immutable core and how many of its documents are live. */
    private record Segment(Object core, int liveDocs) {

        static Segment of(LeafReaderContext leaf) {
            IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
            // a reader without a core key is never recognised again: it is searched at each refresh
            return new Segment(core == null ? new Object() : core.getKey(), leaf.reader().numDocs());
        }
    }

    /**
     * The reader an answer holds for, the index directory it reads, how many matches each of its
     * segments holds, and the newest {@link WriteOrder} it holds. A segment with the same core and
     * the same number of live documents holds the same documents with the same values: the index
     * never changes a document in place.
     */
    private record Generation(IndexReader.CacheKey reader, Object index, Map<Segment, Integer> matches, long newestWrite) {

        /**
         * {@code matchesPerSegment} in the order of the reader's leaves; null when unknown, and then
         * the answer is never carried over.
         */
        static Generation of(IndexReader.CacheKey key, IndexReader reader, int[] matchesPerSegment) throws IOException {
            if (matchesPerSegment == null) {
                return new Generation(key, null, Map.of(), 0);
            }
            Map<Segment, Integer> matches = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                matches.put(Segment.of(leaf), matchesPerSegment[leaf.ord]);
            }
            return new Generation(key, indexOf(reader), matches, WriteOrder.newest(reader));
        }

        long total() {
            return matches.values().stream().mapToLong(Integer::longValue).sum();
        }
    }
}
