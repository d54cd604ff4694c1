package io.newsflow.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.Entity;
import io.newsflow.contract.EnrichedArticle.EntityType;
import reactor.core.publisher.Mono;

/** Related stories, duplicates and story ids over the MongoDB wire protocol (mongo-java-server in memory). */
class MongoStoryLinksIntegrationTests {

    private static final Instant NOW = Instant.parse("2024-06-03T08:00:00Z");
    private static final Entity NEN = new Entity("per:nguyen-van-nen", "Nguyễn Văn Nên", EntityType.PERSON, List.of(), 3, 1.0);
    private static final Entity LAOS = new Entity("loc:lao", "Lào", EntityType.LOCATION, List.of(), 4, 0.8);
    private static final Entity VIENTIANE = new Entity("loc:vientiane", "Vientiane", EntityType.LOCATION, List.of(), 4, 0.9);
    private static final Entity HCMC = new Entity("loc:ho-chi-minh-city", "Thành phố Hồ Chí Minh", EntityType.LOCATION,
            List.of(), 4, 0.9);
    private static final Entity VIETTEL = new Entity("org:viettel", "Tập đoàn Viettel", EntityType.ORGANIZATION, List.of(), 2, 1.0);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("newsflow");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void linksAnEnglishReportToTheVietnameseArticleOfTheSameEventAndSharesItsStory() {
        StoryLinks links = links(NOW);
        links.link(article("vi-1", "Bí thư Nguyễn Văn Nên thăm Vientiane",
                "Sáng 26/5, ông Nguyễn Văn Nên có buổi làm việc tại Thủ đô Vientiane của Lào.", NEN, LAOS, VIENTIANE, HCMC));

        StoryLinks.Links english = links(NOW.plusSeconds(60)).link(article("en-1", "HCM City leader visits Vientiane",
                "Nguyen Van Nen held talks in the Lao capital Vientiane on Thursday.", NEN, LAOS, VIENTIANE, HCMC));

        assertThat(english.related()).singleElement().satisfies(related -> {
            assertThat(related.id()).isEqualTo("vi-1");
            assertThat(related.reasons()).startsWith("entity:Nguyễn Văn Nên");
        });
        assertThat(english.storyId()).isEqualTo("vi-1");
        assertThat(english.duplicateOf()).isNull();
    }

    @Test
    void marksARepublishedArticleAsDuplicateOfTheOriginal() {
        String body = "Tập đoàn Viettel hôm nay công bố mở rộng mạng 5G tới toàn bộ các tỉnh phía Bắc, "
                + "đồng thời giảm giá cước cho học sinh, sinh viên trong năm học mới.";
        links(NOW).link(article("original", "Viettel mở rộng mạng 5G", body, VIETTEL));

        StoryLinks.Links copy = links(NOW.plusSeconds(600)).link(article("copy", "Viettel mở rộng mạng 5G",
                body + " Theo Báo Mẫu.", VIETTEL));

        assertThat(copy.duplicateOf()).isEqualTo("original");
        assertThat(copy.storyId()).isEqualTo("original");
    }

    @Test
    void looksOnlyWithinTheWindowAndNeverAtTheArticleItself() {
        links(NOW).link(article("old", "Bí thư Nguyễn Văn Nên thăm Lào", "Ông Nguyễn Văn Nên thăm Lào.", NEN, LAOS));

        StoryLinks.Links later = links(NOW.plus(Duration.ofDays(31))).link(article("new", "Nguyễn Văn Nên tới Lào",
                "Ông Nguyễn Văn Nên tới Lào.", NEN, LAOS));
        StoryLinks.Links replayed = links(NOW.plus(Duration.ofDays(31))).link(article("new", "Nguyễn Văn Nên tới Lào",
                "Ông Nguyễn Văn Nên tới Lào.", NEN, LAOS));

        assertThat(later.related()).isEmpty();
        assertThat(later.storyId()).isEqualTo("new");
        assertThat(replayed.related()).isEmpty();
        assertThat(Mono.from(database.getCollection(MongoStoryLinks.COLLECTION).countDocuments(new Document())).block())
                .isEqualTo(2);
    }

    private MongoStoryLinks links(Instant at) {
        return new MongoStoryLinks(database, Duration.ofDays(30), 10, Duration.ofSeconds(10), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static EnrichedArticle article(String id, String title, String body, Entity... entities) {
        return new EnrichedArticle(1, id, 1, null, null, "vi", title, null, List.of(body), null, null, null,
                List.of(entities), List.of(), List.of(), List.of(), List.of(), null, null, null, null);
    }
}
