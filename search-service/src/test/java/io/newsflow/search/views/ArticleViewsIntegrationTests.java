package io.newsflow.search.views;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.SampleArticles;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The views against a MongoDB-wire store (mongo-java-server) spoken to by the real reactive driver. */
class ArticleViewsIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private MongoServer server;
    private MongoClient client;
    private ArticleViews views;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        views = new ArticleViews(client.getDatabase("newsflow"));
        views.createIndexes().block(TIMEOUT);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void storesTheArticleShapedLikeTheApiResource() {
        StepVerifier.create(views.store(SampleArticles.visit(1), Instant.now())).expectNext(1L).verifyComplete();

        Map<String, Object> resource = ArticleDocuments.toResource(views.article("a000000000000001").block(TIMEOUT));
        assertThat(resource).containsEntry("id", "a000000000000001")
                .containsEntry("title", "Ông Nguyễn Văn Nên thăm và làm việc tại Đà Nẵng")
                .containsEntry("publishedAt", "2024-06-03T08:15:00+07:00")
                .containsKeys("url", "source", "language", "lead", "body", "section", "credit", "entities", "tags",
                        "topics", "related");
        assertThat((List<?>) resource.get("entities")).hasSize(3).first().asString().contains("per:nguyen-van-nen");
    }

    @Test
    void ignoresAnOlderRevisionArrivingAfterANewerOne() {
        views.store(retitled(SampleArticles.visit(7), "Bản mới"), Instant.now()).block(TIMEOUT);

        StepVerifier.create(views.store(retitled(SampleArticles.visit(3), "Bản cũ"), Instant.now()))
                .expectNext(7L).verifyComplete();

        Document stored = views.article("a000000000000001").block(TIMEOUT);
        assertThat(stored.getString("title")).isEqualTo("Bản mới");
        assertThat(stored.get("revision", Number.class).longValue()).isEqualTo(7L);
    }

    @Test
    void replayingTheSameRevisionChangesNothing() {
        views.store(SampleArticles.cooperation(2), Instant.parse("2024-06-05T00:00:00Z")).block(TIMEOUT);
        Document before = views.article("a000000000000003").block(TIMEOUT);

        StepVerifier.create(views.store(SampleArticles.cooperation(2), Instant.parse("2024-06-06T00:00:00Z")))
                .expectNext(2L).verifyComplete();

        assertThat(views.article("a000000000000003").block(TIMEOUT)).isEqualTo(before);
        StepVerifier.create(views.articleCount(SampleArticles.HO_CHI_MINH_CITY.id())).expectNext(1L).verifyComplete();
    }

    @Test
    void keepsRelatedLinksSymmetricWhicheverArticleArrivesFirst() {
        // the English article links to the visit before the visit itself is stored
        views.store(SampleArticles.cooperation(1), Instant.now()).block(TIMEOUT);
        StepVerifier.create(views.article("a000000000000001")).verifyComplete();

        views.store(SampleArticles.visit(1), Instant.now()).block(TIMEOUT);
        views.store(SampleArticles.cooperation(1), Instant.now()).block(TIMEOUT);

        List<Map<String, Object>> related = ArticleDocuments.related(views.article("a000000000000001").block(TIMEOUT));
        assertThat(related).singleElement().satisfies(link -> {
            assertThat(link).containsEntry("id", "a000000000000003").containsEntry("score", 0.61);
            assertThat(link.get("title")).isEqualTo("Ho Chi Minh City and Vientiane agree to boost cooperation");
        });
        assertThat(ArticleDocuments.related(views.article("a000000000000003").block(TIMEOUT)))
                .extracting(link -> link.get("id")).containsExactly("a000000000000001");
    }

    @Test
    void withdrawsTheSymmetricLinkWhenANewerRevisionNoLongerRelates() {
        views.store(SampleArticles.visit(1), Instant.now()).block(TIMEOUT);
        views.store(SampleArticles.cooperation(1), Instant.now()).block(TIMEOUT);
        EnrichedArticle unlinked = SampleArticles.cooperation(2);
        unlinked = new EnrichedArticle(unlinked.schemaVersion(), unlinked.id(), 2, unlinked.url(), unlinked.source(),
                unlinked.language(), unlinked.title(), unlinked.lead(), unlinked.body(), unlinked.publishedAt(),
                unlinked.section(), unlinked.credit(), unlinked.entities(), unlinked.tags(), unlinked.topics(), List.of(),
                unlinked.headlineHints(), null, null, unlinked.receivedAt(), unlinked.enrichedAt());

        views.store(unlinked, Instant.now()).block(TIMEOUT);
        // replaying the older revision afterwards must not bring the link back
        views.store(SampleArticles.cooperation(1), Instant.now()).block(TIMEOUT);

        assertThat(ArticleDocuments.related(views.article("a000000000000001").block(TIMEOUT))).isEmpty();
        assertThat(ArticleDocuments.related(views.article("a000000000000003").block(TIMEOUT))).isEmpty();
    }

    @Test
    void foldsEntityAliasesForAutocompleteAndCountsArticles() {
        Flux.concat(views.store(SampleArticles.visit(1), Instant.now()), views.store(SampleArticles.cooperation(1), Instant.now()))
                .blockLast(TIMEOUT);

        StepVerifier.create(views.entitiesStartingWith("ho chi", null, 10).map(doc -> doc.getString("_id")))
                .expectNext("loc:ho-chi-minh-city").verifyComplete();
        StepVerifier.create(views.entitiesStartingWith("da n", "LOCATION", 10).map(doc -> doc.getString("_id")))
                .expectNext("loc:da-nang").verifyComplete();
        StepVerifier.create(views.articleCount("loc:ho-chi-minh-city")).expectNext(2L).verifyComplete();
        StepVerifier.create(views.coOccurringEntities("loc:ho-chi-minh-city", 10).map(doc -> doc.getString("_id")).collectList())
                .assertNext(ids -> assertThat(ids).containsExactlyInAnyOrder("per:nguyen-van-nen", "loc:da-nang", "loc:vientiane"))
                .verifyComplete();
        Document entity = views.entity("loc:ho-chi-minh-city").block(TIMEOUT);
        assertThat(entity.getList("aliases", String.class)).contains("TPHCM", "Ho Chi Minh City");
        assertThat(entity.getDate("firstSeen")).isBefore(entity.getDate("lastSeen"));
    }

    @Test
    void creatingIndexesTwiceIsHarmless() {
        StepVerifier.create(views.createIndexes().then(Mono.just(true))).expectNext(true).verifyComplete();
    }

    private static EnrichedArticle retitled(EnrichedArticle a, String title) {
        return new EnrichedArticle(a.schemaVersion(), a.id(), a.revision(), a.url(), a.source(), a.language(), title,
                a.lead(), a.body(), a.publishedAt(), a.section(), a.credit(), a.entities(), a.tags(), a.topics(),
                a.related(), a.headlineHints(), a.duplicateOf(), a.storyId(), a.receivedAt(), a.enrichedAt());
    }
}
