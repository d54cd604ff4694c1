package io.newsflow.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.enrich.Seeds;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.extraction.ExtractedArticle;

class TaggerTests {

    private final Tagger tagger = Tagger.withDefaults();

    @Test
    void tagsTheCityVisitSeedWithItsKeyPhrasesAndPolitics() {
        ExtractedArticle article = ArticleExtractor.withDefaults().extract(Seeds.raw(Seeds.CITY_VISIT));
        List<EnrichedArticle.Entity> entities = EntityRecognizer.withDefaults().recognize(article, 50);

        Tagger.Tagging tagging = tagger.tag(article, entities, 10);

        assertThat(tagging.tags()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(tagging.tags()).extracting(EnrichedArticle.Tag::label)
                .anyMatch(label -> label.contains("hợp tác") || label.contains("quan hệ"))
                .noneMatch(label -> label.equals("Thành phố Hồ Chí Minh") || label.equals("Vientiane"));
        assertThat(tagging.tags().get(0).score()).isEqualTo(1.0);
        assertThat(tagging.tags()).allSatisfy(tag -> assertThat(tag.label().split(" ")).hasSizeBetween(1, 4));
        assertThat(tagging.topics()).extracting(EnrichedArticle.Topic::code).first().isEqualTo("medtop:11000000");
    }

    @Test
    void choosesSportForASportsStory() {
        ExtractedArticle article = new ExtractedArticle("Đội tuyển bóng đá giành huy chương vàng", null,
                List.of("Đội tuyển bóng đá nữ đã giành huy chương vàng sau trận đấu kịch tính.",
                        "Huấn luyện viên cho biết các cầu thủ thi đấu rất nỗ lực ở giải đấu năm nay."),
                null, null, null, "vi", List.of());

        Tagger.Tagging tagging = tagger.tag(article, List.of(), 5);

        assertThat(tagging.topics()).extracting(EnrichedArticle.Topic::code).containsExactly("medtop:15000000");
        assertThat(tagging.topics().get(0).label()).isEqualTo("Thể thao");
        assertThat(tagging.tags()).extracting(EnrichedArticle.Tag::label).anyMatch(label -> label.contains("huy chương vàng"));
    }

    @Test
    void tagsAnEnglishStoryWithEnglishPhrases() {
        ExtractedArticle article = new ExtractedArticle("River freight links expand along the Mekong", null,
                List.of("New river freight routes will cut travel time for farm goods.",
                        "Officials said river freight capacity would double by next year."),
                null, null, null, "en", List.of());

        Tagger.Tagging tagging = tagger.tag(article, List.of(), 5);

        assertThat(tagging.tags()).extracting(EnrichedArticle.Tag::label).first().isEqualTo("river freight");
        assertThat(tagging.topics()).extracting(EnrichedArticle.Topic::code).contains("medtop:04000000");
    }

    @Test
    void treatsPhrasesSharingWordsAsOverlapping() {
        assertThat(Tagger.overlaps("bong da gianh", "gianh huy chuong")).isTrue();
        assertThat(Tagger.overlaps("hop tac", "tang cuong hop tac")).isTrue();
        assertThat(Tagger.overlaps("hop tac", "quan he")).isFalse();
    }
}
