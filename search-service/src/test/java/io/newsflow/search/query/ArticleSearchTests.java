package io.newsflow.search.query;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleSearchTests {

    @TempDir
    Path directory;

    private ArticleIndex index;
    private ArticleSearch search;

    @BeforeEach
    void indexSamples() throws IOException {
        index = new ArticleIndex(directory);
        search = new ArticleSearch(index);
        index(SampleArticles.all().toArray(EnrichedArticle[]::new));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void findsNguyenVanNenTypedWithoutDiacritics() throws IOException {
        SearchResult result = search.search(query("nguyen van nen"));

        assertThat(ids(result)).containsExactly("a000000000000001");
        assertThat(result.items().get(0).highlights().get("title").get(0)).contains("<b>Nguyễn</b>");
    }

    @Test
    void reportsEachItemsRelevanceScoreBestFirst() throws IOException {
        List<Float> scores = search.search(query("ha noi")).items().stream().map(SearchResult.Item::score).toList();

        assertThat(scores).hasSizeGreaterThan(1).allSatisfy(score -> assertThat(score).isPositive());
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void marksTheWholeTitleAndCutsALongBodyIntoShortSnippetsAroundTheMatches() throws IOException {
        String filler = "Các đơn vị chức năng tiếp tục rà soát hồ sơ, đối chiếu số liệu và báo cáo kết quả theo từng giai đoạn"
                + " của kế hoạch đã được phê duyệt từ đầu năm";
        String sentenceWithMatch = filler + ", trong đó có tuyến cáp treo qua vịnh Lan Hạ, " + filler + ".";
        EnrichedArticle longBody = SampleArticles.article("a000000000000009", 1, "baomau.vn", "vi",
                "Hải Phòng khởi công tuyến cáp treo", "Dự án dài hơn bốn ki-lô-mét.",
                List.of(filler + ".", sentenceWithMatch, filler + "."), "2024-06-05T09:00:00+07:00",
                List.of(), List.of(), List.of(), List.of());
        index(longBody);

        SearchResult.Item item = search.search(query("cap treo")).items().get(0);

        assertThat(item.highlights().get("title")).containsExactly("Hải Phòng khởi công tuyến <b>cáp</b> <b>treo</b>");
        String snippet = item.highlights().get("body").get(0);
        assertThat(snippet).contains("<b>cáp</b> <b>treo</b> qua vịnh Lan Hạ");
        assertThat(snippet).doesNotStartWith(" ").doesNotContain("\n");
        String withoutMarks = snippet.replace("<b>", "").replace("</b>", "");
        // one passage about the target length (whole words either side), not the 500-character sentence
        assertThat(withoutMarks.length()).isBetween(SnippetHighlighter.SNIPPET_LENGTH / 2, SnippetHighlighter.SNIPPET_LENGTH * 3 / 2);
    }

    @Test
    void findsDaNangTypedWithoutTheStroke() throws IOException {
        assertThat(ids(search.search(query("Da Nang")))).containsExactly("a000000000000001");
    }

    @Test
    void findsComposedTextFromADecomposedQuery() throws IOException {
        String decomposed = Normalizer.normalize("Nguyễn Văn Nên", Normalizer.Form.NFD);
        assertThat(ids(search.search(query(decomposed)))).containsExactly("a000000000000001");
    }

    @Test
    void ranksTheAdjacentSyllablesOfANameFirst() throws IOException {
        // "hà" and "nội" both occur in the river article, but only the rain article names Hà Nội
        List<String> ids = ids(search.search(query("ha noi")));
        assertThat(ids).first().isEqualTo("a000000000000002");
        assertThat(ids).contains("a000000000000004");
    }

    @Test
    void findsEveryArticleAboutAnEntityByAnyOfItsAliases() throws IOException {
        assertThat(ids(search.search(query("TPHCM")))).containsExactlyInAnyOrder("a000000000000001", "a000000000000003");
        assertThat(ids(search.search(query("Vientiane")))).containsExactly("a000000000000003");
    }

    @Test
    void findsTheVietnameseReportFromTheEnglishNameOfItsEntity() throws IOException {
        assertThat(ids(search.search(query("Ho Chi Minh City")))).containsExactlyInAnyOrder("a000000000000001", "a000000000000003");
        assertThat(ids(search.search(query("Viêng Chăn")))).containsExactly("a000000000000003");
    }

    @Test
    void ranksTheSpellingTypedWithItsDiacriticsFirst() throws IOException {
        index(SampleArticles.article("a0000000000000b1", 1, "baomau.vn", "vi", "Món ngon tô làm tại nhà",
                        "Cách tô làm bữa sáng.", List.of("Một tô phở."), "2024-06-08T07:00:00+07:00", List.of(), List.of(),
                        List.of(), List.of()),
                SampleArticles.article("a0000000000000b2", 1, "baomau.vn", "vi", "Ông Tô Lâm tiếp đoàn đại biểu",
                        "Ông Tô Lâm gặp đại biểu.", List.of("Buổi tiếp diễn ra sáng nay."), "2024-06-07T07:00:00+07:00",
                        List.of(), List.of(), List.of(), List.of()));

        assertThat(ids(search.search(query("Tô Lâm")))).startsWith("a0000000000000b2");
        assertThat(ids(search.search(query("tô làm")))).startsWith("a0000000000000b1");
    }

    @Test
    void ranksOnlyWhatTheTextAndTheFiltersSelect() throws IOException {
        // the ranking clauses alone would find the first two: one syllable of the query in the title
        // of one, the whole query in the title of the other, but from a source the reader left out
        index(SampleArticles.article("a0000000000000c1", 1, "baomau.vn", "vi", "Cáp quang biển được sửa xong",
                        "Tuyến cáp quang hoạt động trở lại.", List.of("Tốc độ truy cập đã bình thường."), "2024-06-09T07:00:00+07:00",
                        List.of(), List.of(), List.of(), List.of()),
                SampleArticles.article("a0000000000000c2", 1, "tinmau.vn", "vi", "Cáp treo mới đón khách",
                        "Tuyến cáp treo mở cửa.", List.of("Khách xếp hàng từ sáng."), "2024-06-10T07:00:00+07:00",
                        List.of(), List.of(), List.of(), List.of()),
                SampleArticles.article("a0000000000000c3", 1, "baomau.vn", "vi", "Giá vé giảm mạnh",
                        "Vé đi cáp treo rẻ hơn từ tháng sau.", List.of("Hai tuyến được áp dụng."), "2024-06-08T07:00:00+07:00",
                        List.of(), List.of(), List.of(), List.of()));

        SearchResult result = search.search(new SearchRequest("cáp treo", List.of(), List.of(), List.of(), List.of("baomau.vn"),
                List.of(), null, null, false, 10, null));

        assertThat(ids(result)).containsExactly("a0000000000000c3");
        assertThat(result.total()).isEqualTo(1);
    }

    @Test
    void filtersByEntityAndLanguageAndCountsFacetsOverAllMatches() throws IOException {
        SearchResult english = search.search(request(null, List.of(SampleArticles.HO_CHI_MINH_CITY.id()), List.of("en"), true, 10, null));
        assertThat(ids(english)).containsExactly("a000000000000003");

        SearchResult all = search.search(request(null, List.of(), List.of(), true, 1, null));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.facets().sources()).contains(new SearchResult.SourceCount("baomau.vn", 2));
        assertThat(all.facets().entities()).contains(new SearchResult.EntityCount("loc:ho-chi-minh-city", "Thành phố Hồ Chí Minh", 2));
        assertThat(all.facets().topics()).contains(new SearchResult.TopicCount("medtop:17000000", "Thời tiết", 2));
    }

    @Test
    void pagesNewestFirstWithACursorThatSurvivesNewArticles() throws IOException {
        SearchResult first = search.search(request(null, List.of(), List.of(), true, 2, null));
        assertThat(ids(first)).containsExactly("a000000000000002", "a000000000000001");

        // a newer article arriving between pages does not shift the next page
        index(SampleArticles.article("a000000000000009", 1, "tinmau.vn", "vi", "Tin mới nhất", "Tin vừa đến.",
                List.of("Nội dung."), "2024-06-09T07:00:00+07:00", List.of(), List.of(), List.of(), List.of()));
        SearchResult second = search.search(request(null, List.of(), List.of(), true, 2,
                SearchRequestParser.decodeCursor(first.nextCursor())));

        assertThat(ids(second)).containsExactly("a000000000000003", "a000000000000004");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void relevanceCursorContinuesWhereThePageStopped() throws IOException {
        List<String> seen = new ArrayList<>();
        SearchResult page = search.search(request("logistics hợp tác", List.of(), List.of(), false, 1, null));
        seen.addAll(ids(page));
        while (page.nextCursor() != null) {
            page = search.search(request("logistics hợp tác", List.of(), List.of(), false, 1,
                    SearchRequestParser.decodeCursor(page.nextCursor())));
            seen.addAll(ids(page));
        }
        assertThat(seen).doesNotHaveDuplicates().contains("a000000000000001");
    }

    @Test
    void keepsTheNewerRevisionWhenAnOlderOneArrivesLate() throws IOException {
        EnrichedArticle newer = SampleArticles.visit(5);
        index(new EnrichedArticle(newer.schemaVersion(), newer.id(), 5, newer.url(), newer.source(), newer.language(),
                "Tiêu đề đã sửa về Đà Nẵng", newer.lead(), newer.body(), newer.publishedAt(), newer.section(),
                newer.credit(), newer.entities(), newer.tags(), newer.topics(), newer.related(), newer.headlineHints(),
                null, null, newer.receivedAt(), newer.enrichedAt()));
        index(SampleArticles.visit(3));

        assertThat(index.searchableRevision("a000000000000001")).isEqualTo(5);
        assertThat(search.search(query("tieu de da sua")).items()).extracting(SearchResult.Item::title)
                .containsExactly("Tiêu đề đã sửa về Đà Nẵng");
    }

    private void index(EnrichedArticle... articles) throws IOException {
        SampleArticles.indexAll(index, List.of(articles));
    }

    private static SearchRequest query(String text) {
        return request(text, List.of(), List.of(), false, 10, null);
    }

    private static SearchRequest request(String text, List<String> entities, List<String> languages, boolean newest,
                                         int limit, SearchRequest.Cursor cursor) {
        return new SearchRequest(text, entities, List.of(), List.of(), List.of(), languages, null, null, newest, limit, cursor);
    }

    private static List<String> ids(SearchResult result) {
        return result.items().stream().map(SearchResult.Item::id).toList();
    }
}
