package io.newsflow.search;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Topics;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.views.ArticleViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API over real HTTP against a started application, with the views in a MongoDB-wire
 * store. The index is fed directly (the Kafka feed is covered by {@code SearchPipelineIntegrationTests}),
 * and the binder is Spring Cloud Stream's test binder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsflow.search.feed-enabled=false",
        "newsflow.search.index-path=target/test-indexes/${random.uuid}",
        "newsflow.search.searchable-timeout=1s"})
@EnableTestBinder
@Import(EmbeddedMongo.class)
class SearchApiIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    ArticleViews views;
    @Autowired
    ArticleIndex index;
    @Autowired
    InputDestination input;
    @Autowired
    OutputDestination output;

    private WebTestClient client;

    @BeforeEach
    void storeSamples() throws IOException {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(TIMEOUT).build();
        for (EnrichedArticle article : SampleArticles.all()) {
            views.store(article, java.time.Instant.now()).block(TIMEOUT);
        }
        indexDirectly(SampleArticles.all());
    }

    @Test
    void servesTheArticleWithTheApiFieldNames() {
        client.get().uri("/api/v1/articles/a000000000000001").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo("a000000000000001")
                .jsonPath("$.title").isEqualTo("Ông Nguyễn Văn Nên thăm và làm việc tại Đà Nẵng")
                .jsonPath("$.publishedAt").isEqualTo("2024-06-03T08:15:00+07:00")
                .jsonPath("$.body.length()").isEqualTo(2)
                .jsonPath("$.entities[0].id").isEqualTo("per:nguyen-van-nen")
                .jsonPath("$.entities[0].type").isEqualTo("PERSON")
                .jsonPath("$.entities[0].mentions").isEqualTo(2)
                .jsonPath("$.entities[0].salience").isEqualTo(0.8)
                .jsonPath("$.tags[0].label").isEqualTo("hợp tác phát triển")
                .jsonPath("$.topics[0].code").isEqualTo("medtop:11000000")
                // linked only from the English article: the view makes the link symmetric
                .jsonPath("$.related[0].id").isEqualTo("a000000000000003")
                .jsonPath("$.related[0].reasons[0]").isEqualTo("entity:Thành phố Hồ Chí Minh")
                .jsonPath("$.entityIds").doesNotExist()
                .jsonPath("$.relatedBy").doesNotExist();
    }

    @Test
    void listsRelatedArticlesBestFirst() {
        client.get().uri("/api/v1/articles/a000000000000003/related").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo("a000000000000001")
                .jsonPath("$[0].score").isEqualTo(0.61);
    }

    @Test
    void answersAnUnknownArticleWith404ProblemJson() {
        client.get().uri("/api/v1/articles/ffffffffffffffff").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not found");
    }

    @Test
    void searchesWithoutDiacriticsWithHighlightsAndFacets() {
        client.get().uri(uri -> uri.path("/api/v1/search").queryParam("q", "nguyen van nen").build()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo("a000000000000001")
                .jsonPath("$.items[0].publishedAt").isEqualTo("2024-06-03T08:15:00+07:00")
                .jsonPath("$.items[0].source").isEqualTo("baomau.vn")
                .jsonPath("$.items[0].score").isNumber()
                .jsonPath("$.items[0].highlights.title[0]").value(title -> assertThat((String) title).contains("<b>Văn</b>"))
                .jsonPath("$.facets.entities[?(@.id == 'per:nguyen-van-nen')].count").isEqualTo(List.of(1))
                .jsonPath("$.facets.sources[0].source").isEqualTo("baomau.vn");
    }

    @Test
    void filtersByTopicAndDatePagesWithTheCursor() {
        Map<?, ?> first = client.get().uri("/api/v1/search?topic=medtop:17000000&from=2024-06-01&to=2024-06-04&limit=1")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("total")).isEqualTo(2);
        assertThat(((List<?>) first.get("items")).stream().map(item -> (Object) ((Map<?, ?>) item).get("id")).toList())
                .containsExactly("a000000000000002");

        client.get().uri(uri -> uri.path("/api/v1/search").queryParam("topic", "medtop:17000000")
                        .queryParam("from", "2024-06-01").queryParam("to", "2024-06-04").queryParam("limit", "1")
                        .queryParam("cursor", first.get("nextCursor")).build())
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo("a000000000000004")
                .jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void rejectsAnOverlongQueryWith400ProblemJson() {
        client.get().uri(uri -> uri.path("/api/v1/search").queryParam("q", "a".repeat(501)).build()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void rejectsBadParametersWithOneErrorPerField() {
        client.get().uri("/api/v1/search?q=x&limit=ten&sort=best&from=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(3);
    }

    @Test
    void autocompletesEntitiesWithoutDiacriticsAndServesTheEntityPage() {
        client.get().uri(uri -> uri.path("/api/v1/entities").queryParam("q", "vieng").build()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo("loc:vientiane");
        client.get().uri("/api/v1/entities/loc:ho-chi-minh-city").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Thành phố Hồ Chí Minh")
                .jsonPath("$.articleCount").isEqualTo(2)
                .jsonPath("$.aliases").value(aliases -> assertThat(aliases.toString()).contains("TPHCM"))
                .jsonPath("$.articles.length()").isEqualTo(2)
                .jsonPath("$.relatedEntities.length()").isEqualTo(3);
    }

    @Test
    void showsWhatRoseInTheTrendingWindow() {
        String now = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).toString();
        EnrichedArticle fresh = SampleArticles.article("a0000000000000f1", 1, "tinmau.vn", "vi", "Hà Nội đón khách",
                "Du khách đến Hà Nội tăng.", List.of("Số khách tăng."), now, List.of(SampleArticles.HA_NOI), List.of(),
                List.of(), List.of());
        views.store(fresh, java.time.Instant.now()).block(TIMEOUT);

        client.get().uri("/api/v1/trending?window=24h").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entities[0].id").isEqualTo("loc:ha-noi")
                .jsonPath("$.entities[0].rise").isEqualTo(1);
        client.get().uri("/api/v1/trending?window=soon").exchange().expectStatus().isBadRequest();
    }

    @Test
    void publishesIndexedStatusKeyedByIdAndStreamsTheArticle() throws IOException {
        EnrichedArticle article = SampleArticles.article("a0000000000000e1", 4, "examplenews.com", "en",
                "Da Nang opens a new bridge", "The bridge links two districts.", List.of("Traffic will ease."),
                "2024-06-05T09:00:00+07:00", List.of(SampleArticles.DA_NANG), List.of(), List.of(), List.of());
        indexDirectly(List.of(article));

        Flux<ServerSentEvent<String>> events = client.get().uri("/api/v1/stream?entity=loc:da-nang")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody();

        StepVerifier.create(events)
                .expectNextMatches(event -> "connected".equals(event.comment()))
                .then(() -> input.send(MessageBuilder.withPayload(article).build(), Topics.ENRICHED))
                .expectNextMatches(event -> "article".equals(event.event()) && event.data().contains("a0000000000000e1"))
                .thenCancel()
                .verify(TIMEOUT);

        Message<byte[]> status = output.receive(TIMEOUT.toMillis(), Topics.STATUS);
        assertThat(status).isNotNull();
        assertThat(new String(status.getPayload(), StandardCharsets.UTF_8))
                .contains("\"id\":\"a0000000000000e1\"", "\"state\":\"INDEXED\"", "\"revision\":4");
        assertThat((byte[]) status.getHeaders().get(KafkaHeaders.KEY)).asString(StandardCharsets.UTF_8).isEqualTo("a0000000000000e1");
        client.get().uri("/api/v1/articles/a0000000000000e1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo(4);
    }

    @Test
    void storesAnArticleTheReplicaHasNotReachedAndAnnouncesItOnceItHas() throws IOException {
        EnrichedArticle article = SampleArticles.article("a0000000000000e2", 1, "tinmau.vn", "vi", "Cầu mới ở Đà Nẵng",
                "Cầu nối hai quận.", List.of("Giao thông thuận lợi hơn."), "2024-06-05T10:00:00+07:00",
                List.of(SampleArticles.DA_NANG), List.of(), List.of(), List.of());

        input.send(MessageBuilder.withPayload(article).build(), Topics.ENRICHED);

        assertThat(output.receive(100, Topics.STATUS)).isNull();
        client.get().uri("/api/v1/articles/a0000000000000e2").exchange().expectStatus().isOk();

        indexDirectly(List.of(article));
        Message<byte[]> status = output.receive(TIMEOUT.toMillis(), Topics.STATUS);
        assertThat(status).isNotNull();
        assertThat(new String(status.getPayload(), StandardCharsets.UTF_8))
                .contains("\"id\":\"a0000000000000e2\"", "\"state\":\"INDEXED\"");
    }

    private void indexDirectly(List<EnrichedArticle> articles) throws IOException {
        SampleArticles.indexAll(index, articles);
    }
}
