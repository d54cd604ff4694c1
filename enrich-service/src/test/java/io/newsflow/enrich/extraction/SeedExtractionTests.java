package io.newsflow.enrich.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.Seeds;

class SeedExtractionTests {

    private static final List<String> BOILERPLATE = List.of("Tin bài liên quan", "Các tin bài khác", "Đọc nhiều",
            "[Video]", "[Infographic]", "Phiên bản di động", "Xin chờ", "infographic", "Multimedia", "Theo VOV");

    private final ArticleExtractor extractor = ArticleExtractor.withDefaults();

    @Test
    void extractsTitleTimeSectionAndCreditOfTheCityVisitPage() {
        ExtractedArticle article = extractor.extract(Seeds.raw(Seeds.CITY_VISIT));

        assertThat(article.title()).isEqualTo("Thành phố Hồ Chí Minh và Thủ đô Vientiane (Lào) tăng cường hợp tác");
        assertThat(article.publishedAt()).isEqualTo("2022-05-26T17:02:00+07:00");
        assertThat(article.section()).isEqualTo("Chính trị - Xã hội");
        assertThat(article.credit()).isEqualTo("Theo VOV");
        assertThat(article.language()).isEqualTo("vi");
    }

    @Test
    void keepsTheArticleParagraphsAndNoBoilerplateOfTheCityVisitPage() {
        ExtractedArticle article = extractor.extract(Seeds.raw(Seeds.CITY_VISIT));

        assertThat(article.body()).anyMatch(paragraph -> paragraph.startsWith("Trong khuôn khổ chuyến thăm"));
        assertThat(article.body()).anyMatch(paragraph -> paragraph.startsWith("Bí thư Thành ủy Thành phố Hồ Chí Minh tin tưởng"));
        assertThat(article.body()).doesNotContain(article.title());
        assertThat(article.body()).allSatisfy(paragraph -> {
            assertThat(BOILERPLATE).noneMatch(paragraph::contains);
            assertThat(paragraph).doesNotContain("Quang cảnh buổi làm việc");
            assertThat(paragraph).doesNotContain("Sinh viên Việt Nam tại Nga");
        });
        assertThat(article.body()).hasSizeBetween(6, 10);
        assertThat(article.lead()).startsWith("Tại buổi làm việc");
    }

    @Test
    void keepsThePagesHeadlineListsAsHintsOfTheCityVisitPage() {
        ExtractedArticle article = extractor.extract(Seeds.raw(Seeds.CITY_VISIT));

        assertThat(article.headlineHints())
                .contains("Việt Nam và Cuba tăng cường hợp tác trong lĩnh vực tư pháp")
                .anyMatch(hint -> hint.startsWith("Lực lượng công an Việt - Lào"))
                .noneMatch(hint -> hint.startsWith("[Video]") || hint.startsWith("infographic"))
                .doesNotContain(article.title());
    }

    @Test
    void extractsTheMagazineVisitPageWithoutListsOrCaptions() {
        ExtractedArticle article = extractor.extract(Seeds.raw(Seeds.MAGAZINE_VISIT));

        assertThat(article.title()).isEqualTo("Đẩy mạnh quan hệ giữa TPHCM với các địa phương của Lào");
        assertThat(article.publishedAt()).isNull();
        assertThat(article.body()).anyMatch(paragraph -> paragraph.startsWith("Phát biểu tại buổi tiếp"));
        assertThat(article.body()).anyMatch(paragraph -> paragraph.startsWith("Trước đó, Đoàn đại biểu Tạp chí Alunmay"));
        assertThat(article.body()).allSatisfy(paragraph -> {
            assertThat(BOILERPLATE).noneMatch(paragraph::contains);
            assertThat(paragraph).doesNotContain("chụp ảnh lưu niệm", "|", "![]");
            assertThat(paragraph).doesNotContain("Bờ cõi biển đảo", "Hội hữu nghị Việt Nam - Australia");
        });
        assertThat(article.headlineHints())
                .contains("Đối ngoại nhân dân là cầu nối bền chặt trong quan hệ Việt Nam - Cuba")
                .noneMatch(hint -> hint.contains("[Infographic]"));
    }
}
