package io.newsflow.search.query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
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
    void keepsDifferentPagesAndFiltersApart() throws IOException {
        SearchResult vietnamese = search.search(new SearchRequest("ha noi", List.of(), List.of(), List.of(), List.of(),
                List.of("vi"), null, null, false, 10, null));
        SearchResult english = search.search(new SearchRequest("ha noi", List.of(), List.of(), List.of(), List.of(),
                List.of("en"), null, null, false, 10, null));

        assertThat(vietnamese.total()).isEqualTo(1);
        assertThat(english.total()).isZero();
        assertThat(gets("hit")).isZero();
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
