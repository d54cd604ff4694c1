package io.newsflow.search.query;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micro-measurement of one search with facets and highlights over 20,000 generated articles. The
 * median is printed, not asserted (the build machine is shared); it also checks that the searches
 * find and highlight what they should. A benchmark, so not part of {@code ./mvnw verify} (its name does
 * not end in Tests); run it with
 * {@code ./mvnw -pl search-service -am test -Dtest=SearchSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SearchSpeedBenchmark {

    private static final int ARTICLES = 20_000;
    private static final int SEARCHES = 200;
    private static final String[] SYLLABLES = ("nguyễn văn nên thành phố hà nội đà nẵng hợp tác phát triển du lịch "
            + "giao thông mưa lớn ngập đường người dân kinh tế chính sách quốc hội bộ trưởng doanh nghiệp xuất khẩu "
            + "giáo dục học sinh bệnh viện y tế nông nghiệp lúa gạo giá vàng chứng khoán ngân hàng lãi suất điện "
            + "nước môi trường rác thải bóng đá đội tuyển trận đấu công an điều tra vụ án tòa xét xử").split(" ");
    private static final String[] SOURCES = {"baomau.vn", "tinmau.vn", "examplenews.com", "thoisu.vn"};
    private static final String[] QUERIES = {"ha noi", "Đà Nẵng", "giao thong", "kinh tế", "bóng đá đội tuyển",
            "ngan hang lai suat", "y tế", "phát triển du lịch"};

    @TempDir
    Path directory;

    @Test
    void searchesTwentyThousandArticlesWithFacetsAndHighlights() throws IOException {
        try (ArticleIndex index = new ArticleIndex(directory)) {
            indexGenerated(index);
            ArticleSearch search = new ArticleSearch(index);
            for (int i = 0; i < 50; i++) {
                search.search(query(QUERIES[i % QUERIES.length])); // warm-up: JIT and the facet state
            }
            long[] nanos = new long[SEARCHES];
            for (int i = 0; i < SEARCHES; i++) {
                long start = System.nanoTime();
                SearchResult result = search.search(query(QUERIES[i % QUERIES.length]));
                nanos[i] = System.nanoTime() - start;
                assertThat(result.items()).hasSize(10);
                assertThat(result.facets().sources()).isNotEmpty();
                assertThat(result.items().get(0).highlights()).isNotEmpty();
            }
            Arrays.sort(nanos);
            System.out.printf("SearchSpeedBenchmark: %d articles, %d searches with facets and highlights: median %.2f ms, p90 %.2f ms%n",
                    ARTICLES, SEARCHES, nanos[SEARCHES / 2] / 1e6, nanos[SEARCHES * 9 / 10] / 1e6);
        }
    }

    private static void indexGenerated(ArticleIndex index) throws IOException {
        Random random = new Random(42);
        Map<String, Long> applied = new HashMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            List<String> body = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                body.add(sentence(random, 60));
            }
            String id = String.format("b%015x", i);
            EnrichedArticle article = SampleArticles.article(id, 1, SOURCES[i % SOURCES.length], "vi", sentence(random, 10),
                    sentence(random, 30), body, String.format("2024-%02d-%02dT08:00:00+07:00", 1 + i % 12, 1 + i % 28),
                    List.of(i % 2 == 0 ? SampleArticles.HA_NOI : SampleArticles.DA_NANG),
                    List.of(new EnrichedArticle.Tag(SYLLABLES[i % SYLLABLES.length] + " " + SYLLABLES[(i / 7) % SYLLABLES.length], 0.5)),
                    List.of(i % 3 == 0 ? SampleArticles.POLITICS : SampleArticles.WEATHER), List.of());
            index.apply(article, applied);
        }
        index.publish(applied, Map.of());
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String syllable = SYLLABLES[random.nextInt(SYLLABLES.length)];
            text.append(w == 0 ? Character.toUpperCase(syllable.charAt(0)) + syllable.substring(1) : syllable).append(' ');
        }
        return text.toString().trim() + ".";
    }

    private static SearchRequest query(String text) {
        return new SearchRequest(text, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, 10, null);
    }
}
