package io.newsflow.search.query;

import io.newsflow.search.index.ArticleFields;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.WriteOrder;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs searches against this instance's index replica. Blocking: callers keep it off event loops. */
class ArticleSearch {

    private static final List<String> FACET_DIMENSIONS = List.of(ArticleFields.FACET_ENTITY, ArticleFields.FACET_TAG,
            ArticleFields.FACET_TOPIC, ArticleFields.FACET_SOURCE);
    /** Older readers whose new segments are kept per reader: cached answers were last carried over at a few. */
    private static final int LATER_SEGMENTS_KEPT = 16;
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final String[] HIGHLIGHTED_FIELDS = {ArticleFields.TITLE, ArticleFields.LEAD, ArticleFields.BODY};
    private static final int[] HIGHLIGHT_PASSAGES = {1, 1, 2};
    /** What a result item shows: never the body, the largest stored field by far. */
    private static final Set<String> ITEM_FIELDS = Set.of(ArticleFields.ID, ArticleFields.TITLE, ArticleFields.LEAD,
            ArticleFields.PUBLISHED_AT, ArticleFields.SOURCE);

    private final ArticleIndex index;
    private final ArticleQueries queries;
    private final SearchResultCache cache;
    /** Those of the newest reader searched; racy but safe: two threads may both build them. */
    private volatile ReaderLookups lookups;
    /** Of the newest reader searched: its segments new to older readers, by their newest write; racy but safe as well. */
    private volatile LaterSegments laterSegments;

    ArticleSearch(ArticleIndex index) {
        this(index, SearchResultCache.disabled());
    }

    ArticleSearch(ArticleIndex index, SearchResultCache cache) {
        this.index = index;
        this.queries = new ArticleQueries(index.analyzer());
        this.cache = cache;
    }

    SearchResult search(SearchRequest request) throws IOException {
        return answer(request).result();
    }

    /** The answer from the cache, or computed now (blocking). */
    SearchAnswer answer(SearchRequest request) throws IOException {
        return index.withSearcher((searcher, facetState) -> cache.get(searcher.getIndexReader(), request,
                () -> queries.matching(request),
                (answer, writtenAfter) -> extended(request, searcher, answer, writtenAfter),
                () -> search(request, lookups(searcher), facetState)));
    }

    /**
     * The answer when the cache holds one for the current reader, else null. Does not block, so
     * the event loop may call it and skip the hand-off to a worker thread for repeated searches.
     */
    SearchAnswer cachedAnswer(SearchRequest request) throws IOException {
        return index.withSearcherOnly((searcher, noFacets) -> cache.getIfPresent(searcher.getIndexReader(), request));
    }

    /** The search on the searcher of {@code lookups}. */
    private SearchAnswer search(SearchRequest request, ReaderLookups lookups, SortedSetDocValuesReaderState facetState)
            throws IOException {
        Found found = found(request, lookups, facetState, null);
        FieldDoc[] page = Arrays.copyOf(found.hits(), Math.min(found.hits().length, request.limit()));
        return answer(request, found.total(), found.hits(), items(request, lookups, page), found.facets(),
                found.matchesPerSegment(), lookups.statistics(found.ranked()));
    }

    /**
     * What a search finds, before its items are read: how many documents match, and where; the page
     * and the hit after it, with their sort values; the facet counts; the ranking query it scored
     * them with, carrying its term states.
     */
    private record Found(long total, int[] matchesPerSegment, FieldDoc[] hits, FacetTally facets, Query ranked) {
    }

    /**
     * What the search finds on the searcher of {@code lookups}; with {@code only}, among the documents
     * it selects, all their facet labels counted (for a handful of documents, see {@link #extended}).
     */
    private Found found(SearchRequest request, ReaderLookups lookups, SortedSetDocValuesReaderState facetState, Query only)
            throws IOException {
        IndexSearcher searcher = lookups.searcher();
        ArticleQueries.Built query = queries.build(request);
        Query ranked = lookups.withTermStates(query.ranked());
        Query matching = lookups.withTermStates(query.matching());
        matching = only == null ? matching : new BooleanQuery.Builder().add(matching, Occur.FILTER).add(only, Occur.FILTER).build();
        Sort sort = ArticleQueries.sort(request.newest());
        // one more than asked tells whether there is a next page; the page alone is scored, so
        // Lucene may skip documents that cannot enter it (MaxScore)
        int wanted = request.limit() + 1;
        FieldDoc after = request.cursor() == null ? null : after(request, searcher.getIndexReader().maxDoc());
        // the total and the facets come from the unscored matching query, which the searcher's
        // query cache keeps as a bit set per segment once it is asked for again
        FacetsCollector matches = searcher.search(matching, new FacetsCollectorManager());
        int[] matchesPerSegment = new int[searcher.getIndexReader().leaves().size()];
        matches.getMatchingDocs().forEach(docs -> matchesPerSegment[docs.context.ord] += docs.totalHits);
        long total = Arrays.stream(matchesPerSegment).asLongStream().sum();
        // the page comes from those matches; counting stops at the page size, since the exact
        // total is known
        TopDocs top = searcher.search(ranked, new WithinMatches<>(
                new TopFieldCollectorManager(sort, wanted, after, wanted, false), matches, searcher.getIndexReader().leaves().size()));
        FieldDoc[] hits = Arrays.copyOf(top.scoreDocs, top.scoreDocs.length, FieldDoc[].class);
        FacetTally facets = facetState == null ? FacetTally.none()
                : only == null ? FacetTally.top(new SortedSetDocValuesFacetCounts(facetState, matches), FACET_DIMENSIONS)
                : FacetTally.all(new SortedSetDocValuesFacetCounts(facetState, matches), FACET_DIMENSIONS);
        return new Found(total, matchesPerSegment, hits, facets, ranked);
    }

    /**
     * {@code answer} with the documents written after {@code writtenAfter} that the search matches;
     * null when that cannot be told exactly (facet counts of labels it did not keep). Finds them
     * among those documents alone, then merges: the total and the facet counts add up, the page takes
     * the hits that sort first of both, and only the new hits on it are read. The search runs in the
     * segments holding those documents ({@link NewSegments}), which score them with the answer's
     * statistics: all its hits keep one scale, that of the reader it was first computed on.
     */
    private SearchAnswer extended(SearchRequest request, IndexSearcher searcher, SearchAnswer answer, long writtenAfter)
            throws IOException {
        if (answer.hits() == null || answer.facets() == null || answer.statistics() == null) {
            return null;
        }
        NewSegments segments = newSegments(searcher.getIndexReader(), writtenAfter);
        ReaderLookups scoring = segments.scoredWith(answer.statistics());
        Found added = found(request, scoring, segments.facetState(), WriteOrder.after(writtenAfter));
        FacetTally facets = answer.facets().plus(added.facets());
        if (facets == null) {
            return null;
        }
        FieldDoc[] hits = Stream.concat(Arrays.stream(answer.hits()), Arrays.stream(added.hits()))
                .sorted(ArticleQueries.order(request.newest()))
                .limit(request.limit() + 1L)
                .toArray(FieldDoc[]::new);
        FieldDoc[] page = Arrays.copyOf(hits, Math.min(hits.length, request.limit()));
        Set<FieldDoc> newHits = Collections.newSetFromMap(new IdentityHashMap<>());
        newHits.addAll(Arrays.asList(added.hits()));
        Map<String, SearchResult.Item> items = new HashMap<>();
        answer.result().items().forEach(item -> items.put(item.id(), item));
        items(request, scoring, Arrays.stream(page).filter(newHits::contains).toArray(FieldDoc[]::new))
                .forEach(item -> items.put(item.id(), item));
        List<SearchResult.Item> shown = Arrays.stream(page).map(hit -> items.get(id(hit, request.newest()))).toList();
        return answer(request, answer.result().total() + added.total(), hits, shown, facets, null, answer.statistics());
    }

    private NewSegments newSegments(IndexReader reader, long writtenAfter) throws IOException {
        LaterSegments current = laterSegments;
        if (current == null || current.reader != reader) {
            current = new LaterSegments(reader, new ConcurrentHashMap<>());
            laterSegments = current;
        }
        NewSegments segments = current.after.get(writtenAfter);
        if (segments == null) {
            segments = NewSegments.of(reader, writtenAfter, index::facetStateOf);
            // answers last carried over at the same older reader share them; a few such readers at a time
            if (current.after.size() < LATER_SEGMENTS_KEPT) {
                current.after.put(writtenAfter, segments);
            }
        }
        return segments;
    }

    /** A reader's segments new to older readers, by the newest write of each older reader. */
    private record LaterSegments(IndexReader reader, Map<Long, NewSegments> after) {
    }

    private static SearchAnswer answer(SearchRequest request, long total, FieldDoc[] hits, List<SearchResult.Item> page,
                                       FacetTally facets, int[] matchesPerSegment, ScoringStatistics statistics) {
        String next = hits.length > request.limit()
                ? SearchRequestParser.encodeCursor(cursor(hits[request.limit() - 1], request.newest()))
                : null;
        return new SearchAnswer(new SearchResult(total, page, shown(facets), next), matchesPerSegment, hits, facets, statistics);
    }

    private ReaderLookups lookups(IndexSearcher searcher) {
        ReaderLookups current = lookups;
        if (current == null || current.reader() != searcher.getIndexReader()) {
            current = ReaderLookups.of(searcher);
            lookups = current;
        }
        return current;
    }

    private static FieldDoc after(SearchRequest request, int maxDoc) {
        SearchRequest.Cursor cursor = request.cursor();
        BytesRef id = new BytesRef(cursor.id());
        Object[] fields = request.newest()
                ? new Object[] {cursor.published(), id}
                : new Object[] {cursor.score(), cursor.published(), id};
        // the id makes the sort total; on a full tie (the cursor's own document) the highest
        // document number excludes it
        return new FieldDoc(Math.max(0, maxDoc - 1), cursor.score(), fields);
    }

    private static SearchRequest.Cursor cursor(FieldDoc last, boolean newest) {
        Object[] fields = last.fields;
        int offset = newest ? 0 : 1;
        float score = newest ? 0f : ((Number) fields[0]).floatValue();
        return new SearchRequest.Cursor(score, ((Number) fields[offset]).longValue(), id(last, newest));
    }

    private static String id(FieldDoc hit, boolean newest) {
        return ((BytesRef) hit.fields[newest ? 1 : 2]).utf8ToString();
    }

    /** The items of a page of hits found on the searcher of {@code lookups}, highlighted. */
    private List<SearchResult.Item> items(SearchRequest request, ReaderLookups lookups, FieldDoc[] page) throws IOException {
        IndexSearcher searcher = lookups.searcher();
        Query textQuery = request.query() == null ? null : queries.highlight(request.query());
        boolean newest = request.newest();
        Map<String, String[]> highlights = new LinkedHashMap<>();
        Map<Integer, Document> loaded = new HashMap<>();
        if (textQuery != null && page.length > 0) {
            UnifiedHighlighter highlighter = SnippetHighlighter.of(searcher, lookups.fieldInfos(), index.analyzer(), ITEM_FIELDS, loaded);
            TopDocs pageDocs = new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
                    org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
            // one pass over the page: each document's stored text is read once for all three fields
            // and for the item itself
            Map<String, String[]> byField = highlighter.highlightFields(HIGHLIGHTED_FIELDS, textQuery, pageDocs, HIGHLIGHT_PASSAGES);
            for (String field : HIGHLIGHTED_FIELDS) {
                highlights.put(field, byField.get(field));
            }
        }
        StoredFields stored = searcher.storedFields();
        List<SearchResult.Item> items = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = loaded.get(page[i].doc);
            if (doc == null) {
                doc = stored.document(page[i].doc, ITEM_FIELDS);
            }
            Map<String, List<String>> itemHighlights = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> field : highlights.entrySet()) {
                String fragment = field.getValue()[i];
                if (fragment != null && !fragment.isBlank()) {
                    // a snippet may span a paragraph break or start at the space before a word
                    itemHighlights.put(field.getKey(), List.of(WHITESPACE_RUN.matcher(fragment).replaceAll(" ").strip()));
                }
            }
            // a sorted search keeps the relevance score among the sort values, not in ScoreDoc.score;
            // newest first computes none
            float score = newest ? 0f : ((Number) page[i].fields[0]).floatValue();
            items.add(new SearchResult.Item(doc.get(ArticleFields.ID), doc.get(ArticleFields.TITLE), doc.get(ArticleFields.LEAD),
                    doc.get(ArticleFields.PUBLISHED_AT), doc.get(ArticleFields.SOURCE), score, itemHighlights));
        }
        return items;
    }

    private static SearchResult.Facets shown(FacetTally facets) {
        return new SearchResult.Facets(
                shown(facets, ArticleFields.FACET_ENTITY, value -> {
                    String[] idName = split(value.label);
                    return new SearchResult.EntityCount(idName[0], idName[1], value.value.intValue());
                }),
                shown(facets, ArticleFields.FACET_TAG, value -> new SearchResult.TagCount(value.label, value.value.intValue())),
                shown(facets, ArticleFields.FACET_TOPIC, value -> {
                    String[] codeLabel = split(value.label);
                    return new SearchResult.TopicCount(codeLabel[0], codeLabel[1], value.value.intValue());
                }),
                shown(facets, ArticleFields.FACET_SOURCE, value -> new SearchResult.SourceCount(value.label, value.value.intValue())));
    }

    private static <T> List<T> shown(FacetTally facets, String dim, Function<LabelAndValue, T> mapper) {
        return facets.shown(dim).stream().map(mapper).toList();
    }

    private static String[] split(String idAndName) {
        int bar = idAndName.indexOf('|');
        return bar < 0 ? new String[] {idAndName, idAndName} : new String[] {idAndName.substring(0, bar), idAndName.substring(bar + 1)};
    }
}
