package io.newsflow.enrich.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BodyCleanerTests {

    private static final String TITLE = "Mưa lớn gây ngập nhiều tuyến phố trung tâm";
    private static final String PARAGRAPH = "Chiều qua, mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố trung tâm ngập sâu.";

    private final BodyCleaner cleaner = new BodyCleaner(BoilerplateRules.load());

    @Test
    void dropsTheTitleRepeatedAboveAPhotoAndItsCaption() {
        BodyCleaner.Cleaned cleaned = cleaner.clean(List.of(PARAGRAPH, "", TITLE, "Người dân lội nước trên phố Huế", ""), TITLE, true);

        assertThat(cleaned.body()).containsExactly(PARAGRAPH);
    }

    @Test
    void dropsShortLinesAndTableCaptionRowsAfterAnImage() {
        BodyCleaner.Cleaned cleaned = cleaner.clean(List.of("![](anh.jpg) |", "| Xe bơm nước tại ngã tư (Ảnh: Báo Mẫu) |",
                PARAGRAPH), TITLE, true);

        assertThat(cleaned.body()).containsExactly(PARAGRAPH);
    }

    @Test
    void turnsHeadlinesPrintedTwiceIntoHintsNotBody() {
        String headline = "Hà Nội lắp thêm trạm bơm chống ngập";
        BodyCleaner.Cleaned cleaned = cleaner.clean(List.of(headline + " " + headline, PARAGRAPH), TITLE, true);

        assertThat(cleaned.body()).containsExactly(PARAGRAPH);
        assertThat(cleaned.hints()).containsExactly(headline);
    }

    @Test
    void dropsWidgetsTeasersSlugsAndMenuFragments() {
        BodyCleaner.Cleaned cleaned = cleaner.clean(List.of("aa", "Xin chờ trong giây lát...", "[Video] Mưa lớn ở Thủ đô",
                "infographic mua lon gay ngap nhieu tuyen pho", "Thời sự Kinh tế", PARAGRAPH, "Phiên bản di động"),
                TITLE, true);

        assertThat(cleaned.body()).containsExactly(PARAGRAPH);
    }

    @Test
    void keepsTheCreditApartAndStopsAtAListMarker() {
        BodyCleaner.Cleaned cleaned = cleaner.clean(List.of(PARAGRAPH, "Theo TTXVN", "Tin liên quan",
                "Lực lượng chức năng đã điều xe bơm nước tới các điểm ngập."), TITLE, true);

        assertThat(cleaned.body()).containsExactly(PARAGRAPH);
        assertThat(cleaned.credit()).isEqualTo("Theo TTXVN");
    }

    @Test
    void keepsSentencesThatOnlyStartLikeACredit() {
        String sentence = "Theo kế hoạch, thành phố sẽ lắp thêm 20 trạm bơm trước mùa mưa năm sau.";
        BodyCleaner.Cleaned cleaned = cleaner.clean(List.of(sentence), TITLE, true);

        assertThat(cleaned.body()).containsExactly(sentence);
        assertThat(cleaned.credit()).isNull();
    }
}
