package io.newsflow.ingest;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.Headers;
import io.newsflow.contract.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ingest-service over real HTTP against a real Kafka broker (embedded KRaft) and the MongoDB wire
 * protocol (mongo-java-server spoken to by the real driver).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"newsflow.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "newsflow.ingest.max-article-size=64KB", "spring.http.codecs.max-in-memory-size=80KB"})
@EmbeddedKafka(partitions = 1, topics = {Topics.RAW, Topics.STATUS, Topics.RAW_DEAD_LETTERS})
class IngestIntegrationTests {

    private static final MongoServer mongo = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress mongoAddress = mongo.bind();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("newsflow.mongodb.uri",
                () -> "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort() + "/newsflow");
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JsonMapper json;

    WebTestClient http;
    Consumer<String, byte[]> rawTopic;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
        Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        config.put("auto.offset.reset", "earliest");
        rawTopic = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        broker.consumeFromAnEmbeddedTopic(rawTopic, Topics.RAW);
    }

    @AfterEach
    void disconnect() {
        rawTopic.close();
    }

    @Test
    void acceptsAJsonArticleOnlyAfterKafkaHasItKeyedById() {
        String headline = "Hà Nội khánh thành cầu mới " + UUID.randomUUID();
        JsonNode accepted = http.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("source", "baomau.vn", "externalId", UUID.randomUUID().toString(),
                        "headline", headline, "body", "Sáng nay, cây cầu mới được thông xe.", "language", "vi"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        String id = accepted.get("id").asString();
        assertThat(accepted.get("status").asString()).isEqualTo("accepted");
        assertThat(accepted.get("statusUrl").asString()).isEqualTo("/api/v1/articles/" + id + "/status");
        ConsumerRecord<String, byte[]> record = rawRecord(id);
        JsonNode raw = json.readTree(record.value());
        assertThat(raw.get("headline").asString()).isEqualTo(headline);
        assertThat(raw.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(raw.get("revision").asLong()).isPositive();

        http.get().uri("/api/v1/articles/{id}/status", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("accepted")
                .jsonPath("$.acceptedAt").exists()
                .jsonPath("$.revision").isEqualTo(raw.get("revision").asLong());
    }

    @Test
    void samePageSentTwiceKeepsItsIdWithANewRevision() {
        String page = "Đà Nẵng đón khách quốc tế\n\nLượng khách tăng mạnh trong tháng " + UUID.randomUUID();
        String first = postPage(page, MediaType.TEXT_PLAIN);
        String second = postPage(page, MediaType.TEXT_PLAIN);
        List<ConsumerRecord<String, byte[]>> records = rawRecords(first, 2);
        long firstRevision = json.readTree(records.get(0).value()).get("revision").asLong();
        ConsumerRecord<String, byte[]> again = records.get(1);

        assertThat(second).isEqualTo(first);
        assertThat(json.readTree(again.value()).get("revision").asLong()).isGreaterThan(firstRevision);
        assertThat(json.readTree(again.value()).get("text").asString()).isEqualTo(page);
    }

    @Test
    void acceptsAnHtmlPageWithItsUrl() {
        String url = "https://baomau.vn/thoi-su/" + UUID.randomUUID() + ".html";
        String id = http.post().uri(builder -> builder.path("/api/v1/articles").queryParam("url", url).queryParam("source", "baomau.vn").build())
                .contentType(MediaType.TEXT_HTML)
                .bodyValue("<html><head><title>Tin mới</title></head><body><p>Nội dung</p></body></html>")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();

        JsonNode raw = json.readTree(rawRecord(id).value());
        assertThat(raw.get("html").asString()).contains("<title>Tin mới</title>");
        assertThat(raw.get("url").asString()).isEqualTo(url);
        assertThat(id).isEqualTo(io.newsflow.contract.ArticleIds.of(url, null, null, null));
    }

    @Test
    void badInputGetsProblemsAndNothingReachesKafka() {
        long before = rawTopicEndOffsets();
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"headline\": \"Không có nội dung\", \"body\": \"  \"}"), 400)
                .jsonPath("$.errors[0].field").isEqualTo("body");
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"headline\": \"thiếu ngoặc\""), 400);
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.TEXT_PLAIN), 400);
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.TEXT_PLAIN).bodyValue("   "), 400);
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("Trang rất dài. ".repeat(5_000)), 413);
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("Trang quá dài. ".repeat(20_000)), 413);
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_PDF)
                .bodyValue(new byte[] {1, 2, 3}), 415);

        String marker = "Bài hợp lệ sau các lỗi " + UUID.randomUUID();
        String id = postPage(marker, MediaType.TEXT_PLAIN);
        assertThat(json.readTree(rawRecord(id).value()).get("text").asString()).isEqualTo(marker);
        assertThat(rawTopicEndOffsets()).as("only the good article reached the raw topic").isEqualTo(before + 1);
    }

    @Test
    void batchAnswersOneResultPerLineInOrder() {
        String good = "{\"source\":\"baomau.vn\",\"externalId\":\"" + UUID.randomUUID() + "\",\"body\":\"Tin ngắn một.\"}";
        String empty = "{\"source\":\"baomau.vn\",\"headline\":\"Trống\"}";
        String broken = "{\"body\": ";
        String alsoGood = "{\"text\":\"Tin ngắn hai " + UUID.randomUUID() + "\"}";

        List<JsonNode> results = http.post().uri("/api/v1/articles:batch")
                .contentType(MediaType.APPLICATION_NDJSON)
                .bodyValue(String.join("\n", good, empty, "", broken, alsoGood) + "\n")
                .exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().collectList().block(Duration.ofSeconds(20));

        assertThat(results).extracting(result -> result.get("line").asInt()).containsExactly(1, 2, 4, 5);
        assertThat(results).extracting(result -> result.get("status").asString())
                .containsExactly("accepted", "rejected", "rejected", "accepted");
        assertThat(results.get(1).get("error").get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("error").get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(results.get(2).get("error").get("title").asString()).isEqualTo("Malformed JSON");
        assertThat(rawRecord(results.get(0).get("id").asString())).isNotNull();
        assertThat(rawRecord(results.get(3).get("id").asString())).isNotNull();
    }

    @Test
    void statusFollowsEventsOfOtherServicesEvenOutOfOrder() {
        String id = postPage("Cần Thơ mở tuyến xe buýt mới " + UUID.randomUUID(), MediaType.TEXT_PLAIN);
        long revision = json.readTree(rawRecord(id).value()).get("revision").asLong();

        publishStatus(new ArticleStatus(id, ArticleStatus.State.INDEXED, revision, null, Instant.now().toString()));
        publishStatus(new ArticleStatus(id, ArticleStatus.State.ENRICHED, revision, null, Instant.now().toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.get().uri("/api/v1/articles/{id}/status", id).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.state").isEqualTo("indexed")
                        .jsonPath("$.indexedAt").exists()
                        .jsonPath("$.enrichedAt").exists());
    }

    @Test
    void deadLetterMarksTheArticleRejectedWithItsReasonAndCanBeReplayed() {
        String id = postPage("Huế tổ chức lễ hội " + UUID.randomUUID(), MediaType.TEXT_PLAIN);
        byte[] raw = rawRecord(id).value();
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.RAW_DEAD_LETTERS, id, raw);
        dead.headers().add(Headers.DEAD_LETTER_REASON, "enrichment-failed: store unavailable".getBytes(StandardCharsets.UTF_8));
        kafka.send(dead).join();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.get().uri("/api/v1/articles/{id}/status", id).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.state").isEqualTo("rejected")
                        .jsonPath("$.reason").isEqualTo("enrichment-failed: store unavailable"));

        http.post().uri("/api/v1/admin/dead-letters/replay?reason=enrichment-failed").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(1);
        ConsumerRecord<String, byte[]> replayed = rawRecords(id, 2).get(1);
        assertThat(json.readTree(replayed.value()).get("revision").asLong())
                .isGreaterThan(json.readTree(raw).get("revision").asLong());
        http.post().uri("/api/v1/admin/dead-letters/replay").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(0);
    }

    @Test
    void unknownArticleStatusIsA404Problem() {
        expectProblem(http.get().uri("/api/v1/articles/{id}/status", "0000000000000000"), 404);
    }

    private String postPage(String page, MediaType type) {
        return http.post().uri("/api/v1/articles").contentType(type).bodyValue(page)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private void publishStatus(ArticleStatus status) {
        kafka.send(new ProducerRecord<>(Topics.STATUS, status.id(), json.writeValueAsBytes(status))).join();
    }

    private WebTestClient.BodyContentSpec expectProblem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        return request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").exists();
    }

    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    /** The records of the raw topic with this key, once there are at least {@code count}. */
    private List<ConsumerRecord<String, byte[]>> rawRecords(String key, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            KafkaTestUtils.getRecords(rawTopic, Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(record -> key.equals(record.key())).count() >= count;
        });
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    private ConsumerRecord<String, byte[]> rawRecord(String key) {
        return rawRecords(key, 1).get(0);
    }

    private long rawTopicEndOffsets() {
        List<org.apache.kafka.common.TopicPartition> partitions = rawTopic.partitionsFor(Topics.RAW).stream()
                .map(info -> new org.apache.kafka.common.TopicPartition(Topics.RAW, info.partition())).toList();
        return rawTopic.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
}
