package io.newsflow.search.query;

import io.newsflow.search.index.WriteOrder;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

import java.io.Closeable;
import java.io.IOException;

/**
 * The segments of a reader that hold documents written after an older reader's newest, opened as an
 * index of their own. Adding the new matches of a search to a cached answer then looks its terms up,
 * scores and counts facets in these one or two segments, not in the twenty or so of the whole index:
 * with articles arriving, that is done for most cached answers at every refresh. Merged segments
 * among them also hold older documents, so a search here still selects the new ones itself.
 * <p>
 * Documents are scored with the statistics the answer was computed with, so that old and new hits
 * compare on one scale; a term or field the answer's reader did not hold takes its statistics from
 * these segments, where all of its documents then are.
 */
final class NewSegments implements Closeable {

    private final MultiReader reader;
    private final IndexSearcher searcher;

    private NewSegments(MultiReader reader, ScoringStatistics statistics) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader) {
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
        // a short-lived reader: caching its filters would only evict those of the real one
        this.searcher.setQueryCache(null);
    }

    /** The segments of {@code whole} holding documents written after {@code writtenAfter}; to be closed. */
    static NewSegments of(IndexReader whole, long writtenAfter, ScoringStatistics statistics) throws IOException {
        IndexReader[] segments = WriteOrder.segmentsWrittenAfter(whole, writtenAfter).stream()
                .map(LeafReaderContext::reader)
                .toArray(IndexReader[]::new);
        // not closing them with this one: the whole reader owns them
        return new NewSegments(new MultiReader(segments, false), statistics);
    }

    IndexReader reader() {
        return reader;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
