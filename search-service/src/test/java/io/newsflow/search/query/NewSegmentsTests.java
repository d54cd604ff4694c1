package io.newsflow.search.query;

import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleFields;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.WriteOrder;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class NewSegmentsTests {

    @TempDir
    Path directory;

    /**
     * Articles written after a reader, searched in their own segments with the whole index's
     * statistics: the same scores as in the whole index. With the segments' own statistics, where
     * the terms are rarer and the documents fewer, they differ.
     */
    @Test
    void newArticlesScoreAsInTheWholeIndex() throws IOException {
        try (ArticleIndex index = new ArticleIndex(directory)) {
            SampleArticles.indexAll(index, SampleArticles.all());
            long before = index.withSearcherOnly((searcher, noFacets) -> WriteOrder.newest(searcher.getIndexReader()));
            // two batches: two new segments, opened together
            SampleArticles.indexAll(index, List.of(
                    SampleArticles.article("b000000000000001", 1, "tinmau.vn", "vi", "Hà Nội mưa suốt đêm",
                            "Mưa kéo dài khiến nhiều phố ở Hà Nội ngập sâu.", List.of("Nước rút chậm vào sáng sớm."),
                            "2024-06-06T06:00:00+07:00", List.of(SampleArticles.HA_NOI), List.of(), List.of(), List.of())));
            SampleArticles.indexAll(index, List.of(
                    SampleArticles.article("b000000000000002", 1, "baomau.vn", "vi", "Trời nắng trở lại sau mưa",
                            "Hà Nội đón nắng từ trưa nay.", List.of("Nhiệt độ tăng nhanh."),
                            "2024-06-07T06:00:00+07:00", List.of(SampleArticles.HA_NOI), List.of(), List.of(), List.of())));
            Query ranked = new ArticleQueries(index.analyzer()).build(new SearchRequest("Hà Nội mưa", List.of(), List.of(),
                    List.of(), List.of(), List.of(), null, null, false, 10, null)).ranked();

            index.withSearcherOnly((searcher, noFacets) -> {
                ReaderLookups whole = ReaderLookups.of(searcher);
                ScoringStatistics statistics = whole.statistics(whole.withTermStates(ranked));
                Map<String, Float> inWholeIndex = scores(searcher, ranked, before);
                NewSegments segments = NewSegments.of(searcher.getIndexReader(), before, index::facetStateOf);
                assertThat(segments.reader().leaves()).hasSize(2);
                assertThat(segments.reader().maxDoc()).isEqualTo(2);
                // facet ordinals mapped over both segments
                FacetsCollector all = segments.scoredWith(statistics).searcher().search(new MatchAllDocsQuery(), new FacetsCollectorManager());
                assertThat(new SortedSetDocValuesFacetCounts(segments.facetState(), all).getAllChildren(ArticleFields.FACET_SOURCE).labelValues)
                        .extracting(label -> label.label + "=" + label.value).containsExactlyInAnyOrder("tinmau.vn=1", "baomau.vn=1");
                assertThat(inWholeIndex).containsOnlyKeys("b000000000000001", "b000000000000002");
                assertThat(scores(segments.scoredWith(statistics).searcher(), ranked, before)).isEqualTo(inWholeIndex);
                // the same segments, shared by another answer scored otherwise
                assertThat(scores(segments.scoredWith(new ScoringStatistics(Map.of(), Map.of())).searcher(), ranked, before))
                        .isNotEqualTo(inWholeIndex);
                return null;
            });
        }
    }

    /** Each article written after {@code before} that the query matches, by id, with its score. */
    private static Map<String, Float> scores(IndexSearcher searcher, Query ranked, long before) throws IOException {
        Query writtenAfter = new BooleanQuery.Builder().add(ranked, Occur.MUST).add(WriteOrder.after(before), Occur.FILTER).build();
        Map<String, Float> scores = new TreeMap<>();
        for (ScoreDoc hit : searcher.search(writtenAfter, 10).scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc, Set.of("id"));
            scores.put(doc.get("id"), hit.score);
        }
        return scores;
    }
}
