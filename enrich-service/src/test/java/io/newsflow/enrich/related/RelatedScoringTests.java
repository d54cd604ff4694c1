package io.newsflow.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.Entity;
import io.newsflow.contract.EnrichedArticle.EntityType;

class RelatedScoringTests {

    private static final Entity NEN = new Entity("per:nguyen-van-nen", "Nguyễn Văn Nên", EntityType.PERSON, List.of(), 3, 1.0);
    private static final Entity LAOS = new Entity("loc:lao", "Lào", EntityType.LOCATION, List.of(), 5, 0.8);
    private static final Entity VIETNAM = new Entity("loc:viet-nam", "Việt Nam", EntityType.LOCATION, List.of(), 5, 0.5);
    private static final Entity VIETTEL = new Entity("org:viettel", "Tập đoàn Viettel", EntityType.ORGANIZATION, List.of(), 2, 1.0);
    private static final Entity FOOTBALL_CLUB = new Entity("org:clb-ha-noi", "CLB Hà Nội", EntityType.ORGANIZATION, List.of(), 2, 1.0);

    @Test
    void relatesArticlesSharingPeopleAndPlacesAndNamesTheReasons() {
        ArticleSignature visit = signature("a", "Ông Nguyễn Văn Nên thăm Lào", List.of(NEN, LAOS, VIETNAM), "hợp tác");
        ArticleSignature report = signature("b", "Nguyen Van Nen visits Laos", List.of(NEN, LAOS), "hợp tác");

        RelatedScoring.Score score = RelatedScoring.score(report, visit);

        assertThat(score.value()).isGreaterThan(MongoStoryLinks.SAME_STORY_THRESHOLD);
        assertThat(score.reasons()).containsExactly("entity:Nguyễn Văn Nên", "entity:Lào", "phrase:hop tac");
    }

    @Test
    void barelyRelatesArticlesSharingOnlyTheCountry() {
        ArticleSignature business = signature("a", "Viettel mở rộng mạng 5G", List.of(VIETTEL, VIETNAM), "mạng di động");
        ArticleSignature sport = signature("b", "CLB Hà Nội thắng trận", List.of(FOOTBALL_CLUB, VIETNAM), "trận đấu");

        assertThat(RelatedScoring.score(sport, business).value()).isLessThan(MongoStoryLinks.RELATED_THRESHOLD);
    }

    @Test
    void seesARepublishedArticleAsResemblingTheOriginal() {
        String body = "Sáng nay, cây cầu mới bắc qua sông Hồng chính thức thông xe sau hai năm thi công, giúp giảm ùn tắc "
                + "cho các tuyến phố phía bắc thành phố và rút ngắn thời gian đi lại của người dân.";
        ArticleSignature original = ArticleSignature.of(article("a", "Cầu mới thông xe", body, List.of()), "a");
        ArticleSignature copy = ArticleSignature.of(article("b", "Cầu mới thông xe", body + " Ảnh: Báo Mẫu.", List.of()), "b");
        ArticleSignature other = ArticleSignature.of(article("c", "Giá vàng giảm",
                "Giá vàng trong nước hôm nay giảm nhẹ ở cả hai chiều mua và bán theo xu hướng của thị trường thế giới.",
                List.of()), "c");

        assertThat(copy.resemblance(original)).isGreaterThanOrEqualTo(MongoStoryLinks.DUPLICATE_RESEMBLANCE);
        assertThat(other.resemblance(original)).isLessThan(0.2);
    }

    private static ArticleSignature signature(String id, String title, List<Entity> entities, String phrase) {
        EnrichedArticle article = new EnrichedArticle(1, id, 1, null, null, "vi", title, null, List.of(title), null, null,
                null, entities, List.of(new EnrichedArticle.Tag(phrase, 1.0)), List.of(), List.of(), List.of(), null, null,
                null, null);
        return ArticleSignature.of(article, id);
    }

    private static EnrichedArticle article(String id, String title, String body, List<Entity> entities) {
        return new EnrichedArticle(1, id, 1, null, null, "vi", title, null, List.of(body), null, null, null, entities,
                List.of(), List.of(), List.of(), List.of(), null, null, null, null);
    }
}
