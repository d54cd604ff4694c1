package io.newsflow.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FacetTallyTests {

    private static final String DIM = "tag";

    /**
     * Counts of earlier documents plus every label of later ones give the shown top that Lucene counts
     * over all of them, or nothing when that top cannot be told; on labels drawn from flat and skewed
     * distributions, both happen.
     */
    @Test
    void addsLaterCountsToTheShownTopOrSaysItCannotTell() throws IOException {
        Random random = new Random(11);
        int told = 0;
        int untold = 0;
        for (int round = 0; round < 40; round++) {
            int labels = 20 + random.nextInt(200);
            double skew = 1 + random.nextInt(4);
            int earlier = 50 + random.nextInt(400);
            int later = 1 + random.nextInt(5);
            try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                 IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                FacetsConfig config = new FacetsConfig();
                config.setMultiValued(DIM, true);
                for (int doc = 0; doc < earlier + later; doc++) {
                    Document document = new Document();
                    document.add(new IntPoint("n", doc));
                    for (int tag = 0; tag < 1 + random.nextInt(3); tag++) {
                        document.add(new SortedSetDocValuesFacetField(DIM, "nhãn " + (int) (Math.pow(random.nextDouble(), skew) * labels)));
                    }
                    writer.addDocument(config.build(document));
                }
                try (DirectoryReader reader = DirectoryReader.open(writer)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                    FacetTally before = FacetTally.top(counts(searcher, state, IntPoint.newRangeQuery("n", 0, earlier - 1)), List.of(DIM));
                    FacetTally added = FacetTally.all(counts(searcher, state, IntPoint.newRangeQuery("n", earlier, earlier + later)), List.of(DIM));
                    FacetTally whole = FacetTally.top(counts(searcher, state, IntPoint.newRangeQuery("n", 0, earlier + later)), List.of(DIM));

                    FacetTally sum = before.plus(added);
                    if (sum == null) {
                        untold++;
                    } else {
                        told++;
                        assertThat(sum.shown(DIM)).as("round %d", round).usingRecursiveFieldByFieldElementComparator()
                                .containsExactlyElementsOf(whole.shown(DIM));
                    }
                }
            }
        }
        assertThat(told).isGreaterThan(10);
        assertThat(untold).isPositive();
    }

    private static SortedSetDocValuesFacetCounts counts(IndexSearcher searcher, SortedSetDocValuesReaderState state, Query query)
            throws IOException {
        FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
        return new SortedSetDocValuesFacetCounts(state, matches);
    }
}
