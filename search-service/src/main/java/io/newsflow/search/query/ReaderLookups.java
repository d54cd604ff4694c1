package io.newsflow.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What searches on one point-in-time reader look up alike, looked up once per reader: the fields
 * merged over its segments (for the highlighter), and each term's place and statistics in every
 * segment ({@link TermStates}). Searches share terms (a common syllable, a filter on a source), and
 * a term costs a dictionary lookup in each of the twenty or so segments of a live index, per query
 * and per term: about a tenth of a computed search, and most of what adding new articles to a cached
 * answer costs. A term's place in one segment does not change while the segment lives, and a refresh
 * leaves most segments as they were, so the places are kept per segment ({@link SegmentTerms}) and a
 * new reader looks a term up only in its new segments.
 */
final class ReaderLookups {

    /** Terms kept per reader. */
    private static final int TERMS = 4_096;

    private final IndexSearcher searcher;
    private final SegmentTerms segmentTerms;
    private final FieldInfos fieldInfos;
    private final Cache<Term, TermStates> terms = Caffeine.newBuilder().maximumSize(TERMS).build();

    private ReaderLookups(IndexSearcher searcher, SegmentTerms segmentTerms) {
        this.searcher = searcher;
        this.segmentTerms = segmentTerms;
        this.fieldInfos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
    }

    static ReaderLookups of(IndexSearcher searcher, SegmentTerms segmentTerms) {
        return new ReaderLookups(searcher, segmentTerms);
    }

    IndexReader reader() {
        return searcher.getIndexReader();
    }

    FieldInfos fieldInfos() {
        return fieldInfos;
    }

    /**
     * The query with each of its term queries carrying the term's states in this reader, which
     * Lucene then uses instead of looking the term up in every segment. The same query otherwise:
     * the same clauses, boosts and minimum of optional clauses.
     */
    Query withTermStates(Query query) throws IOException {
        try {
            return rebuilt(query);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Query rebuilt(Query query) {
        if (query instanceof TermQuery term) {
            return new TermQuery(term.getTerm(), terms.get(term.getTerm(), this::states));
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(rebuilt(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof ConstantScoreQuery constant) {
            return new ConstantScoreQuery(rebuilt(constant.getQuery()));
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(rebuilt(clause.getQuery()), clause.getOccur());
            }
            return builder.build();
        }
        return query;
    }

    /** As {@link TermStates#build} with statistics, which serve the scored ranking query and the unscored matching one. */
    private TermStates states(Term term) {
        TermStates states = new TermStates(searcher.getTopReaderContext());
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SegmentTerms.Place place = segmentTerms.place(leaf, term);
                if (place != null) {
                    states.register(place.state(), leaf.ord, place.docFreq(), place.totalTermFreq());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return states;
    }
}
