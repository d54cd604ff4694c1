package io.newsflow.search.rebuild;

import com.mongodb.reactivestreams.client.MongoClient;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Topics;
import io.newsflow.search.EmbeddedMongo;
import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleIndex;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/admin/views/rebuild} on a real broker and a MongoDB-wire store: the views and
 * the index are replayed into a new generation while searches keep answering from the old one, an
 * article published during the rebuild is not lost, and after the switch the same articles are
 * found, the pointer names the new generation and the old collections are gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsflow.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "newsflow.search.index-path=target/test-indexes/${random.uuid}",
        "newsflow.search.commit-interval=1s",
        "spring.cloud.stream.kafka.binder.replication-factor=1"})
@EmbeddedKafka(partitions = 3, topics = {Topics.ENRICHED, Topics.STATUS})
@Import(EmbeddedMongo.class)
class ViewsRebuildIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int GENERATED = 400;

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoClient mongo;
    @Autowired
    ArticleIndex index;

    private WebTestClient client;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT).build();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void rebuildsIntoANewGenerationWhileSearchesKeepAnsweringAndSwitchesOver() {
        List<EnrichedArticle> articles = new ArrayList<>(SampleArticles.all());
        for (int i = 0; i < GENERATED; i++) {
            articles.add(SampleArticles.article(String.format("b%015d", i), 1, i % 2 == 0 ? "baomau.vn" : "tinmau.vn", "vi",
                    "Bản tin giao thông số " + i, "Tình hình giao thông khu vực " + i + " trong ngày.",
                    List.of("Lực lượng chức năng phân luồng tại nút giao số " + i + "."), "2024-05-01T08:00:00+07:00",
                    List.of(SampleArticles.HA_NOI), List.of(new EnrichedArticle.Tag("giao thông", 0.5)), List.of(), List.of()));
        }
        articles.forEach(this::send);
        producer.flush();
        int total = articles.size();
        await().atMost(WAIT).untilAsserted(() -> assertThat(total()).isEqualTo(total));

        JsonNode started = json.readTree(client.post().uri("/api/v1/admin/views/rebuild").exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/admin/views/rebuild/[0-9a-f-]{36}")
                .expectBody().returnResult().getResponseBody());
        String id = started.get("id").asString();
        assertThat(started.get("fromGeneration").asLong()).isZero();
        assertThat(started.get("toGeneration").asLong()).isEqualTo(1);

        client.post().uri("/api/v1/admin/views/rebuild").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rebuildId").isEqualTo(id);

        // published while the rebuild replays: it must reach the new generation too
        EnrichedArticle during = SampleArticles.article("a0000000000000f1", 1, "tinmau.vn", "vi", "Khai mạc hội chợ sách",
                "Hội chợ sách mở cửa tại Hà Nội.", List.of("Hàng trăm gian hàng tham gia."), "2024-06-07T09:00:00+07:00",
                List.of(SampleArticles.HA_NOI), List.of(), List.of(), List.of());
        send(during);
        producer.flush();

        AtomicInteger searchesWhileRebuilding = new AtomicInteger();
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
            client.get().uri(uri -> uri.path("/api/v1/search").queryParam("q", "nguyen van nen").build()).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo("a000000000000001");
            client.get().uri("/api/v1/articles/a000000000000003").exchange().expectStatus().isOk();
            assertThat(total()).isGreaterThanOrEqualTo(total);
            String state = progress(id).get("state").asString();
            assertThat(state).isNotEqualTo("failed");
            if (state.equals("running") || state.equals("switching")) {
                searchesWhileRebuilding.incrementAndGet();
            }
            return state.equals("completed");
        });
        assertThat(searchesWhileRebuilding.get()).isPositive();

        JsonNode done = progress(id);
        assertThat(done.get("replayed").asLong()).isGreaterThanOrEqualTo(total);
        assertThat(done.get("switchedAt").isNull()).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(total()).isEqualTo(total + 1));
        client.get().uri(uri -> uri.path("/api/v1/search").queryParam("q", "Vientiane cooperation").build()).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo("a000000000000003");
        client.get().uri(uri -> uri.path("/api/v1/search").queryParam("q", "hoi cho sach").build()).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo("a0000000000000f1");
        // symmetric related links were rebuilt in the new views
        client.get().uri("/api/v1/articles/a000000000000001").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.related[0].id").isEqualTo("a000000000000003");
        client.get().uri("/api/v1/entities/loc:ha-noi").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.articleCount").isEqualTo(GENERATED + 2);

        var database = mongo.getDatabase("newsflow");
        Document pointer = Mono.from(database.getCollection(GenerationPointer.COLLECTION).find().first()).block(WAIT);
        assertThat(pointer).isNotNull();
        assertThat(((Number) pointer.get("generation")).longValue()).isEqualTo(1);
        List<String> collections = Flux.from(database.listCollectionNames()).collectList().block(WAIT);
        assertThat(collections).contains("articles_g1", "entities_g1").doesNotContain("articles", "entities");
        assertThat(index.path().getFileName().toString()).endsWith("-g1");

        // the feed resumed on the new index: an article published after the switch is found
        send(SampleArticles.article("a0000000000000f2", 1, "tinmau.vn", "vi", "Triển lãm tranh sơn mài",
                "Triển lãm mở cửa cuối tuần.", List.of("Nhiều tác phẩm được trưng bày."), "2024-06-08T09:00:00+07:00",
                List.of(), List.of(), List.of(), List.of()));
        producer.flush();
        await().atMost(WAIT).untilAsserted(() -> client.get()
                .uri(uri -> uri.path("/api/v1/search").queryParam("q", "trien lam son mai").build()).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo("a0000000000000f2"));
        // the views consumer stores it independently of the index feed
        await().atMost(WAIT).untilAsserted(() ->
                client.get().uri("/api/v1/articles/a0000000000000f2").exchange().expectStatus().isOk());
    }

    @Test
    void answersAnUnknownRebuildWith404Problem() {
        client.get().uri("/api/v1/admin/views/rebuild/no-such-rebuild").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    private long total() {
        JsonNode body = json.readTree(client.get().uri("/api/v1/search?limit=1").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        return body.get("total").asLong();
    }

    private JsonNode progress(String id) {
        return json.readTree(client.get().uri("/api/v1/admin/views/rebuild/" + id).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private void send(EnrichedArticle article) {
        producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id(), json.writeValueAsBytes(article)));
    }
}
