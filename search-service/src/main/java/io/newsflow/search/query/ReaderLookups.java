package io.newsflow.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What searches on one point-in-time reader look up alike, looked up once per reader: the fields
 * merged over its segments (for the highlighter), and each term's place and statistics in every
 * segment ({@link TermStates}). Searches share terms (a common syllable, a filter on a source), and
 * a term costs a dictionary lookup in each of the twenty or so segments of a live index, per query
 * and per term: about a tenth of a computed search.
 */
final class ReaderLookups {

    /** Terms kept per reader. */
    private static final int TERMS = 4_096;

    private final IndexSearcher searcher;
    private final FieldInfos fieldInfos;
    private final Cache<Term, TermStates> terms;

    private ReaderLookups(IndexSearcher searcher, FieldInfos fieldInfos, Cache<Term, TermStates> terms) {
        this.searcher = searcher;
        this.fieldInfos = fieldInfos;
        this.terms = terms;
    }

    static ReaderLookups of(IndexSearcher searcher) {
        return new ReaderLookups(searcher, FieldInfos.getMergedFieldInfos(searcher.getIndexReader()),
                // upkeep on the searching thread, as for the result cache
                Caffeine.newBuilder().maximumSize(TERMS).executor(Runnable::run).build());
    }

    /**
     * The same lookups, searched by another searcher of the same reader (one scoring with other
     * statistics): term states hold for every searcher of the reader they were looked up in.
     */
    ReaderLookups searchedBy(IndexSearcher other) {
        if (other.getIndexReader() != searcher.getIndexReader()) {
            throw new IllegalArgumentException("a searcher of another reader");
        }
        return new ReaderLookups(other, fieldInfos, terms);
    }

    IndexSearcher searcher() {
        return searcher;
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
        try {
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statistics a query returned by {@link #withTermStates} is scored with: those of its terms
     * and their fields in this reader.
     */
    ScoringStatistics statistics(Query withStates) throws IOException {
        Map<Term, TermStatistics> terms = new HashMap<>();
        Map<String, CollectionStatistics> fields = new HashMap<>();
        for (TermQuery query : termQueries(withStates)) {
            Term term = query.getTerm();
            TermStates states = query.getTermStates();
            if (states != null && states.docFreq() > 0) {
                terms.put(term, searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
            }
            if (!fields.containsKey(term.field())) {
                CollectionStatistics field = searcher.collectionStatistics(term.field());
                if (field != null) {
                    fields.put(term.field(), field);
                }
            }
        }
        return new ScoringStatistics(terms, fields);
    }

    private static List<TermQuery> termQueries(Query query) {
        List<TermQuery> found = new ArrayList<>();
        // prohibited clauses, which score nothing, are not visited
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (leaf instanceof TermQuery term) {
                    found.add(term);
                }
            }
        });
        return found;
    }
}
