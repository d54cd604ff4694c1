package io.newsflow.search.index;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which documents were written to one index directory: each write (a new article or a
 * new revision) gets the next number, indexed as a point. One thread writes to an index at a time
 * and a reader sees every write made before it opened, so a reader holds every document numbered up
 * to its {@link #newest} (live or since deleted) and none after. What a reader holds beyond an older
 * reader's newest number is exactly what was written in between, wherever merges have moved it:
 * the search result cache relies on that to keep an answer over a refresh.
 */
public final class WriteOrder {

    private WriteOrder() {
    }

    static LongPoint field(long order) {
        return new LongPoint(ArticleFields.WRITE_ORDER, order);
    }

    /** The highest number among the reader's documents, deleted or not; 0 when none carries one. */
    public static long newest(IndexReader reader) throws IOException {
        long newest = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            newest = Math.max(newest, newest(leaf));
        }
        return newest;
    }

    /** The segments of the reader holding a document (live or deleted) written after the one numbered {@code order}. */
    public static List<LeafReaderContext> segmentsWrittenAfter(IndexReader reader, long order) throws IOException {
        List<LeafReaderContext> later = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            if (newest(leaf) > order) {
                later.add(leaf);
            }
        }
        return later;
    }

    private static long newest(LeafReaderContext leaf) throws IOException {
        PointValues points = leaf.reader().getPointValues(ArticleFields.WRITE_ORDER);
        return points == null || points.size() == 0 ? 0 : LongPoint.decodeDimension(points.getMaxPackedValue(), 0);
    }

    /** The documents written after the one numbered {@code order}. */
    public static Query after(long order) {
        return LongPoint.newRangeQuery(ArticleFields.WRITE_ORDER, order + 1, Long.MAX_VALUE);
    }
}
