package io.newsflow.search.query;

import io.newsflow.search.index.WriteOrder;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

import java.io.IOException;

/**
 * The segments of a reader that hold documents written after an older reader's newest, opened as an
 * index of their own. Adding the new matches of a search to a cached answer then looks its terms up,
 * scores and counts facets in these one or two segments, not in the twenty or so of the whole index:
 * with articles arriving, that is done for most cached answers at every refresh, and most of them
 * were last carried over at the same older reader, so they share these segments and their lookups.
 * Merged segments among them also hold older documents, so a search here still selects the new ones
 * itself.
 * <p>
 * Documents are scored with the statistics of the answer they are added to, so that old and new hits
 * compare on one scale; a term or field the answer's reader did not hold takes its statistics from
 * these segments, where all of its documents then are.
 * <p>
 * A view: it holds nothing of its own and is never closed. The whole reader owns the segments, so
 * it is used only while that reader is held.
 */
final class NewSegments {

    private final MultiReader segments;
    private final ReaderLookups lookups;
    private final SortedSetDocValuesReaderState facetState;

    /** The facet state of a reader; null when its documents hold no facet label. */
    @FunctionalInterface
    interface FacetStates {
        SortedSetDocValuesReaderState of(IndexReader reader) throws IOException;
    }

    private NewSegments(MultiReader segments, FacetStates facetStates) throws IOException {
        this.segments = segments;
        // looks terms up only; the searches go through scoredWith's searchers
        this.lookups = ReaderLookups.of(new IndexSearcher(segments));
        this.facetState = facetStates.of(segments);
    }

    /**
     * The segments of {@code whole} holding documents written after {@code writtenAfter}, with the
     * facet state {@code facetStates} gives them.
     */
    static NewSegments of(IndexReader whole, long writtenAfter, FacetStates facetStates) throws IOException {
        IndexReader[] later = WriteOrder.segmentsWrittenAfter(whole, writtenAfter).stream()
                .map(LeafReaderContext::reader)
                .toArray(IndexReader[]::new);
        // "closing sub-readers" so that the view takes no reference of its own to them
        return new NewSegments(new MultiReader(later, true), facetStates);
    }

    IndexReader reader() {
        return segments;
    }

    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** The lookups of these segments, searched by a searcher that scores with {@code statistics}. */
    ReaderLookups scoredWith(ScoringStatistics statistics) {
        IndexSearcher searcher = new IndexSearcher(segments) {
            @Override
            public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
                TermStatistics scoredWith = statistics.terms().get(term);
                return scoredWith != null ? scoredWith : super.termStatistics(term, docFreq, totalTermFreq);
            }

            @Override
            public CollectionStatistics collectionStatistics(String field) throws IOException {
                CollectionStatistics scoredWith = statistics.fields().get(field);
                return scoredWith != null ? scoredWith : super.collectionStatistics(field);
            }
        };
        // short-lived: caching its filters would only evict those of the whole reader
        searcher.setQueryCache(null);
        return lookups.searchedBy(searcher);
    }
}
