package io.newsflow.enrich.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.newsflow.contract.RawArticle;

class PageExtractionTests {

    private final ArticleExtractor extractor = ArticleExtractor.withDefaults();

    @Test
    void extractsAnHtmlPageFromItsMarkupAndDropsItsFurniture() {
        ExtractedArticle article = extractor.extract(page(null, sample("vi-article.html"), null));

        assertThat(article.title()).isEqualTo("Cảng Cái Mép mở tuyến container mới đi châu Âu");
        assertThat(article.publishedAt()).isEqualTo("2024-06-03T08:15:00+07:00");
        assertThat(article.section()).isEqualTo("Kinh tế");
        assertThat(article.lead()).startsWith("Sáng 3/6, tuyến container mới");
        assertThat(article.credit()).isEqualTo("Theo Báo Mẫu");
        assertThat(article.language()).isEqualTo("vi");
        assertThat(article.body()).hasSize(4)
                .anyMatch(paragraph -> paragraph.startsWith("Ông Trần Minh Đức"))
                .noneMatch(paragraph -> paragraph.contains("Ảnh: Báo Mẫu") || paragraph.contains("Chia sẻ")
                        || paragraph.contains("Giá vàng") || paragraph.contains("Phiên bản di động"));
        assertThat(article.headlineHints()).containsExactlyInAnyOrder("Cái Mép đón tàu lớn nhất từ trước đến nay",
                "Xuất khẩu thủy sản sang châu Âu tăng mạnh trong quý II", "Giá vàng hôm nay giảm nhẹ ở cả hai chiều");
    }

    @Test
    void findsTheArticleInHtmlWithoutSemanticMarkupByParagraphDensity() {
        String html = "<html><head><title>Mưa lớn gây ngập nhiều tuyến phố | Báo Mẫu</title></head><body>"
                + "<div class='menu'><a>Thời sự</a><a>Kinh tế</a></div>"
                + "<div><span class='date'>Thứ Năm, 26/5/2022</span>"
                + "<p>Chiều qua, mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố trung tâm ngập sâu.</p>"
                + "<p>Lực lượng chức năng đã điều xe bơm nước tới các điểm ngập để hỗ trợ người dân đi lại.</p></div>"
                + "<div><p>Liên hệ quảng cáo</p></div></body></html>";

        ExtractedArticle article = extractor.extract(page(null, html, null));

        assertThat(article.title()).isEqualTo("Mưa lớn gây ngập nhiều tuyến phố");
        assertThat(article.publishedAt()).isEqualTo("2022-05-26T00:00:00+07:00");
        assertThat(article.body()).containsExactly(
                "Chiều qua, mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố trung tâm ngập sâu.",
                "Lực lượng chức năng đã điều xe bơm nước tới các điểm ngập để hỗ trợ người dân đi lại.");
    }

    @Test
    void extractsAnEnglishTextPage() {
        ExtractedArticle article = extractor.extract(page(null, null, sample("en-article.txt")));

        assertThat(article.title()).isEqualTo("Hanoi and Vientiane agree to expand river freight links");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.publishedAt()).isEqualTo("2024-06-06T09:30:00+07:00");
        assertThat(article.section()).isEqualTo("World");
        assertThat(article.credit()).isEqualTo("Source: Example Wire");
        assertThat(article.body()).hasSize(3).noneMatch(paragraph -> paragraph.equals("Share"));
        assertThat(article.headlineHints()).containsExactly("Vietnam and Laos review cross-border trade in first quarter",
                "Mekong provinces prepare for the rainy season");
    }

    @Test
    void takesHeadlineBodyAndTimeOfAStructuredArticleAsGiven() {
        RawArticle raw = new RawArticle(1, null, 0, null, "baomau.vn", "bm-1", null,
                "Cảng Cái Mép mở tuyến container mới đi châu Âu",
                "Sáng 3/6, tuyến container mới khởi hành.\n\nÔng Trần Minh Đức cho biết sản lượng tăng.\n\nChia sẻ",
                null, null, "26/05/2022 17:02", null, null);

        ExtractedArticle article = extractor.extract(raw);

        assertThat(article.title()).isEqualTo("Cảng Cái Mép mở tuyến container mới đi châu Âu");
        assertThat(article.body()).containsExactly("Sáng 3/6, tuyến container mới khởi hành.",
                "Ông Trần Minh Đức cho biết sản lượng tăng.");
        assertThat(article.lead()).isEqualTo("Sáng 3/6, tuyến container mới khởi hành.");
        assertThat(article.publishedAt()).isEqualTo("2022-05-26T17:02:00+07:00");
    }

    @Test
    void refusesAnArticleWithoutContent() {
        RawArticle empty = new RawArticle(1, null, 0, null, null, null, null, "Tiêu đề", " ", null, "", null, null, null);

        assertThatThrownBy(() -> extractor.extract(empty)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extractsAPageOfOneAndAHalfMegabytes() {
        StringBuilder html = new StringBuilder("<html><head><title>Hội chợ nông sản mở cửa | Báo Mẫu</title><script>");
        html.append("var tracking = '").append("x".repeat(1_200_000)).append("';</script></head><body><nav>");
        for (int i = 0; i < 3_000; i++) {
            html.append("<a href='/muc-").append(i).append("'>Chuyên mục số ").append(i).append("</a>");
        }
        html.append("</nav><article><h1>Hội chợ nông sản mở cửa</h1>");
        for (int i = 0; i < 400; i++) {
            html.append("<p>Đoạn ").append(i).append(": hội chợ nông sản năm nay có hàng trăm gian hàng của nông dân ")
                    .append("các tỉnh phía Bắc, thu hút đông đảo người dân tới tham quan và mua sắm.</p>");
        }
        html.append("</article><aside><h3>Đọc nhiều</h3>");
        for (int i = 0; i < 2_000; i++) {
            html.append("<a href='/tin-").append(i).append("'>Tin đọc nhiều số ").append(i).append(" trong ngày hôm nay</a>");
        }
        html.append("</aside></body></html>");
        assertThat(html.length()).isGreaterThan(1_500_000);

        ExtractedArticle article = extractor.extract(page(null, html.toString(), null));

        assertThat(article.title()).isEqualTo("Hội chợ nông sản mở cửa");
        assertThat(article.body()).hasSize(400).allSatisfy(paragraph -> assertThat(paragraph).startsWith("Đoạn "));
        assertThat(article.headlineHints()).hasSize(30);
    }

    private static RawArticle page(String url, String html, String text) {
        return new RawArticle(1, null, 0, null, "baomau.vn", null, url, null, null, html, text, null, null, null);
    }

    private static String sample(String name) {
        try (InputStream in = PageExtractionTests.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
