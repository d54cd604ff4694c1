package io.newsflow.search.query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchResultCacheTests {

    @TempDir
    Path directory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ArticleIndex index;
    private ArticleSearch search;

    @BeforeEach
    void indexOneArticle() throws IOException {
        index = new ArticleIndex(directory);
        search = new ArticleSearch(index, SearchResultCache.of(100, registry));
        index(SampleArticles.rain(1));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void answersARepeatedSearchFromTheCacheUntilTheIndexRefreshes() throws IOException {
        SearchResult first = search.search(query("ha noi"));
        SearchResult again = search.search(query("ha noi"));

        assertThat(again).isSameAs(first);
        assertThat(gets("hit")).isEqualTo(1);
        assertThat(gets("miss")).isEqualTo(1);
    }

    @Test
    void findsAnArticlePublishedAfterTheSameSearchWasCached() throws IOException {
        assertThat(search.search(query("ha noi")).total()).isEqualTo(1);

        EnrichedArticle later = SampleArticles.article("a00000000000000f", 1, "tinmau.vn", "vi",
                "Hà Nội mở thêm tuyến xe buýt điện", "Tuyến mới nối trung tâm với sân bay.", List.of("Giá vé không đổi."),
                "2024-06-05T07:00:00+07:00", List.of(SampleArticles.HA_NOI), List.of(), List.of(), List.of());
        index(later);

        SearchResult afterRefresh = search.search(query("ha noi"));
        assertThat(afterRefresh.total()).isEqualTo(2);
        assertThat(afterRefresh.items()).extracting(SearchResult.Item::id).contains("a00000000000000f");
        assertThat(gets("miss")).isEqualTo(2);
    }

    @Test
    void keepsAnAnswerOverARefreshThatAddedNothingItMatches() throws IOException {
        SearchResult first = search.search(query("ha noi"));

        index(SampleArticles.cooperation(1));
        SearchResult afterRefresh = search.search(query("ha noi"));
        SearchResult again = search.search(query("ha noi"));

        assertThat(search.search(query("vientiane")).total()).isEqualTo(1);
        assertThat(afterRefresh).isSameAs(first);
        assertThat(again).isSameAs(first);
        assertThat(refreshed("kept")).isEqualTo(1);
        // the search of the new article and the first one computed; the three others did not
        assertThat(gets("miss")).isEqualTo(2);
        assertThat(gets("hit")).isEqualTo(2);
    }

    @Test
    void recomputesWhenAnArticleItFoundChanges() throws IOException {
        // one segment of three articles, the flooding one among them
        index(SampleArticles.visit(1), SampleArticles.rain(2), SampleArticles.river(1));
        assertThat(search.search(query("ngap")).total()).isEqualTo(1);

        // the new revision no longer mentions flooding: its old document is deleted from that segment,
        // which stays, and the new one does not match
        index(SampleArticles.article("a000000000000002", 3, "tinmau.vn", "vi", "Mưa lớn ở Hà Nội",
                "Trời mưa to cả buổi chiều.", List.of("Cơ quan khí tượng cho biết mưa sẽ kéo dài đến đêm."),
                "2024-06-04T07:00:00+07:00", List.of(SampleArticles.HA_NOI), List.of(), List.of(), List.of()));

        assertThat(search.search(query("ngap")).total()).isZero();
        assertThat(refreshed("kept")).isZero();
        assertThat(refreshed("segments-changed")).isEqualTo(1);
    }

    @Test
    void keepsDifferentPagesAndFiltersApart() throws IOException {
        SearchResult vietnamese = search.search(new SearchRequest("ha noi", List.of(), List.of(), List.of(), List.of(),
                List.of("vi"), null, null, false, 10, null));
        SearchResult english = search.search(new SearchRequest("ha noi", List.of(), List.of(), List.of(), List.of(),
                List.of("en"), null, null, false, 10, null));

        assertThat(vietnamese.total()).isEqualTo(1);
        assertThat(english.total()).isZero();
        assertThat(gets("hit")).isZero();
    }

    /**
     * The rule for keeping an answer, on segments laid out by hand (no merges unless asked): new
     * segments are asked whether the search matches there; a deletion or a merge in the segments the
     * answer was computed on recomputes whatever the new segments hold.
     */
    @Test
    void keepsAnAnswerOnlyWhileItsSegmentsStayAsTheyWere() throws IOException {
        SearchResultCache cache = SearchResultCache.of(10, new SimpleMeterRegistry());
        SearchRequest request = query("any");
        List<Integer> addedSegments = new ArrayList<>();
        int[] computed = {0};
        SearchResultCache.SegmentMatches nothingNew = segments -> {
            addedSegments.add(segments.size());
            return false;
        };
        SearchResultCache.Computation compute = () -> {
            computed[0]++;
            return new SearchAnswer(new SearchResult(computed[0], List.of(), SearchResult.Facets.empty(), null), null);
        };
        try (var directory = new ByteBuffersDirectory();
             var writer = new IndexWriter(directory, new IndexWriterConfig()
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.addDocument(document("a"));
            writer.addDocument(document("b"));
            var first = DirectoryReader.open(writer);
            assertThat(cache.get(first, request, nothingNew, compute).result().total()).isEqualTo(1);

            writer.addDocument(document("c"));
            var added = DirectoryReader.openIfChanged(first, writer);
            assertThat(cache.get(added, request, nothingNew, compute).result().total()).isEqualTo(1);
            assertThat(addedSegments).containsExactly(1);
            assertThat(cache.get(added, request, segments -> true, compute).result().total()).isEqualTo(1);

            writer.addDocument(document("d"));
            var addedAndMatching = DirectoryReader.openIfChanged(added, writer);
            assertThat(cache.get(addedAndMatching, request, segments -> true, compute).result().total()).isEqualTo(2);

            writer.deleteDocuments(new Term("id", "a"));
            var deleted = DirectoryReader.openIfChanged(addedAndMatching, writer);
            assertThat(cache.get(deleted, request, nothingNew, compute).result().total()).isEqualTo(3);

            writer.getConfig().setMergePolicy(new TieredMergePolicy());
            writer.forceMerge(1);
            var merged = DirectoryReader.openIfChanged(deleted, writer);
            assertThat(cache.get(merged, request, nothingNew, compute).result().total()).isEqualTo(4);
            assertThat(addedSegments).containsExactly(1);
            for (var reader : List.of(first, added, addedAndMatching, deleted, merged)) {
                reader.close();
            }
        }
    }

    /** With the matches of each segment known, only the segments that held one must stay as they were. */
    @Test
    void keepsAnAnswerWhenOnlySegmentsWithoutItsMatchesChange() throws IOException {
        SearchResultCache cache = SearchResultCache.of(10, new SimpleMeterRegistry());
        SearchRequest request = query("any");
        List<Integer> checkedSegments = new ArrayList<>();
        SearchResultCache.SegmentMatches nothingThere = segments -> {
            checkedSegments.add(segments.size());
            return false;
        };
        int[] computed = {0};
        // the first document ("a", in the first segment) is the only match
        SearchResultCache.Computation compute = () -> {
            computed[0]++;
            return new SearchAnswer(new SearchResult(1, List.of(), SearchResult.Facets.empty(), null), new int[] {1, 0, 0});
        };
        try (var directory = new ByteBuffersDirectory();
             var writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            DirectoryReader previous = null;
            List<DirectoryReader> readers = new ArrayList<>();
            // three segments: a; b and b2; c
            for (List<String> segment : List.of(List.of("a"), List.of("b", "b2"), List.of("c"))) {
                for (String id : segment) {
                    writer.addDocument(document(id));
                }
                previous = previous == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(previous, writer);
                readers.add(previous);
            }
            cache.get(previous, request, nothingThere, compute);

            writer.deleteDocuments(new Term("id", "b"));
            DirectoryReader withoutB = DirectoryReader.openIfChanged(previous, writer);
            cache.get(withoutB, request, nothingThere, compute);
            assertThat(computed[0]).isEqualTo(1);
            assertThat(checkedSegments).containsExactly(1);

            writer.deleteDocuments(new Term("id", "a"));
            DirectoryReader withoutA = DirectoryReader.openIfChanged(withoutB, writer);
            cache.get(withoutA, request, nothingThere, compute);
            assertThat(computed[0]).isEqualTo(2);
            for (DirectoryReader reader : readers) {
                reader.close();
            }
            withoutB.close();
            withoutA.close();
        }
    }

    private static Document document(String id) {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.NO));
        return document;
    }

    private double refreshed(String outcome) {
        return registry.get(SearchResultCache.REFRESHED_METRIC).tag("outcome", outcome).counter().count();
    }

    private double gets(String result) {
        var counter = registry.find("cache.gets").tag("cache", SearchResultCache.METRIC_NAME).tag("result", result).functionCounter();
        return counter == null ? 0 : counter.count();
    }

    private void index(EnrichedArticle... articles) throws IOException {
        SampleArticles.indexAll(index, List.of(articles));
    }

    private static SearchRequest query(String text) {
        return new SearchRequest(text, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, 10, null);
    }
}
