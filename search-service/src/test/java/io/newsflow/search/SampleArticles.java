package io.newsflow.search;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.Entity;
import io.newsflow.contract.EnrichedArticle.EntityType;
import io.newsflow.contract.EnrichedArticle.Related;
import io.newsflow.contract.EnrichedArticle.Tag;
import io.newsflow.contract.EnrichedArticle.Topic;

import io.newsflow.search.index.ArticleIndex;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small articles written for these tests (never copied from the seeds), in Vietnamese and English. */
public final class SampleArticles {

    public static final Entity NGUYEN_VAN_NEN = new Entity("per:nguyen-van-nen", "Nguyễn Văn Nên", EntityType.PERSON,
            List.of("Nguyễn Văn Nên", "ông Nên"), 2, 0.8);
    public static final Entity DA_NANG = new Entity("loc:da-nang", "Đà Nẵng", EntityType.LOCATION,
            List.of("Đà Nẵng", "Da Nang"), 2, 0.6);
    public static final Entity HO_CHI_MINH_CITY = new Entity("loc:ho-chi-minh-city", "Thành phố Hồ Chí Minh",
            EntityType.LOCATION, List.of("TP HCM", "TPHCM", "TP. Hồ Chí Minh", "Ho Chi Minh City"), 1, 0.5);
    public static final Entity HA_NOI = new Entity("loc:ha-noi", "Hà Nội", EntityType.LOCATION,
            List.of("Hà Nội", "Hanoi"), 2, 0.7);
    public static final Entity VIENTIANE = new Entity("loc:vientiane", "Viêng Chăn", EntityType.LOCATION,
            List.of("Viêng Chăn", "Vientiane"), 2, 0.7);

    public static final Topic POLITICS = new Topic("medtop:11000000", "Chính trị");
    public static final Topic WEATHER = new Topic("medtop:17000000", "Thời tiết");

    /** Vietnamese: a visit, names with diacritics and đ. */
    public static EnrichedArticle visit(long revision) {
        return article("a000000000000001", revision, "baomau.vn", "vi",
                "Ông Nguyễn Văn Nên thăm và làm việc tại Đà Nẵng",
                "Bí thư Thành ủy TP HCM Nguyễn Văn Nên dẫn đầu đoàn công tác đến Đà Nẵng bàn về hợp tác phát triển.",
                List.of("Chiều qua, đoàn công tác của TP HCM đã làm việc với lãnh đạo thành phố Đà Nẵng.",
                        "Hai bên thống nhất đẩy mạnh hợp tác về du lịch và logistics."),
                "2024-06-03T08:15:00+07:00", List.of(NGUYEN_VAN_NEN, DA_NANG, HO_CHI_MINH_CITY),
                List.of(new Tag("hợp tác phát triển", 0.8)), List.of(POLITICS), List.of());
    }

    /** Vietnamese: weather; shares syllables ("văn", "nên") with the visit but not the name. */
    public static EnrichedArticle rain(long revision) {
        return article("a000000000000002", revision, "tinmau.vn", "vi",
                "Mưa lớn gây ngập nhiều tuyến đường ở Hà Nội",
                "Người dân Hà Nội nên hạn chế ra đường vào giờ cao điểm chiều nay.",
                List.of("Cơ quan khí tượng cho biết mưa sẽ kéo dài đến đêm.",
                        "Văn phòng điều hành giao thông đã phân luồng tại nhiều nút giao."),
                "2024-06-04T07:00:00+07:00", List.of(HA_NOI), List.of(new Tag("mưa lớn", 0.9)), List.of(WEATHER),
                List.of());
    }

    /** English: the same city as the visit, named in English, linked to the visit as related. */
    public static EnrichedArticle cooperation(long revision) {
        return article("a000000000000003", revision, "examplenews.com", "en",
                "Ho Chi Minh City and Vientiane agree to boost cooperation",
                "Leaders of Ho Chi Minh City and Vientiane signed a plan on trade and tourism.",
                List.of("The two cities will exchange delegations every year.",
                        "Officials said logistics links between them would be improved."),
                "2024-06-02T10:00:00Z", List.of(HO_CHI_MINH_CITY, VIENTIANE), List.of(new Tag("cooperation", 0.7)),
                List.of(POLITICS), List.of(new Related("a000000000000001", "Ông Nguyễn Văn Nên thăm và làm việc tại Đà Nẵng",
                        0.61, List.of("entity:Thành phố Hồ Chí Minh"))));
    }

    /** Vietnamese: "hà" and "nội" appear, but never together as the city's name. */
    public static EnrichedArticle river(long revision) {
        return article("a000000000000004", revision, "baomau.vn", "vi",
                "Nội dung dự án nạo vét sông ở tỉnh Hà Giang",
                "Dự án được trình bày tại hội nghị, nội dung chính là khơi thông dòng chảy.",
                List.of("Tỉnh Hà Giang sẽ hoàn thành dự án trong năm tới."),
                "2024-06-01T09:00:00+07:00", List.of(), List.of(new Tag("nạo vét", 0.5)), List.of(WEATHER), List.of());
    }

    /** Applies the articles to the index and makes them searchable, as one feed batch does. */
    public static void indexAll(ArticleIndex index, List<EnrichedArticle> articles) throws IOException {
        Map<String, Long> applied = new HashMap<>();
        for (EnrichedArticle article : articles) {
            index.apply(article, applied);
        }
        index.publish(applied, Map.of());
    }

    public static List<EnrichedArticle> all() {
        return List.of(visit(1), rain(1), cooperation(1), river(1));
    }

    public static EnrichedArticle article(String id, long revision, String source, String language, String title,
                                          String lead, List<String> body, String publishedAt, List<Entity> entities,
                                          List<Tag> tags, List<Topic> topics, List<Related> related) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, revision, "https://" + source + "/" + id + ".html",
                source, language, title, lead, body, publishedAt, "Thời sự", "Theo " + source, entities, tags, topics,
                related, List.of(), null, null, "2024-06-05T00:00:00Z", "2024-06-05T00:00:01Z");
    }

    private SampleArticles() {
    }
}
