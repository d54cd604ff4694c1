package io.newsflow.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;

import java.util.Map;

/**
 * The BM25 statistics a search was scored with: each term's document and occurrence counts, and each
 * field's collection counts, over the whole reader it ran on. Kept with a cached answer, so that the
 * articles later added to it are scored on the same scale as its older hits ({@link NewSegments}).
 * Terms and fields the reader did not hold are absent.
 */
record ScoringStatistics(Map<Term, TermStatistics> terms, Map<String, CollectionStatistics> fields) {

    ScoringStatistics {
        terms = Map.copyOf(terms);
        fields = Map.copyOf(fields);
    }
}
