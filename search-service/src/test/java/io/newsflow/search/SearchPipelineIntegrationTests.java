package io.newsflow.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Headers;
import io.newsflow.contract.Topics;
import io.newsflow.search.config.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.IndexFeed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole read side on a real Kafka broker (embedded KRaft) and a MongoDB-wire store:
 * enriched articles published to the topic become searchable through the HTTP API, the
 * INDEXED status is published keyed by id, bad records are dead-lettered, and an index
 * replica restarted from its own commit resumes from the stored offsets without re-indexing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsflow.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "newsflow.search.index-path=target/test-indexes/${random.uuid}",
        "newsflow.search.commit-interval=1s",
        "spring.cloud.stream.kafka.binder.replication-factor=1",
        "spring.cloud.stream.bindings.storeArticle-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.storeArticle-in-0.consumer.back-off-max-interval=200"})
@EmbeddedKafka(partitions = 3, topics = {Topics.ENRICHED, Topics.STATUS})
@Import(EmbeddedMongo.class)
class SearchPipelineIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    SearchProperties properties;

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
    void publishedArticlesBecomeSearchableAndAreAnnouncedAsIndexed() throws Exception {
        for (EnrichedArticle article : SampleArticles.all()) {
            publish(article);
        }

        await().atMost(WAIT).untilAsserted(() -> client.get()
                .uri(uri -> uri.path("/api/v1/search").queryParam("q", "nguyen van nen").build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo("a000000000000001"));
        client.get().uri(uri -> uri.path("/api/v1/search").queryParam("q", "Vientiane cooperation").build()).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo("a000000000000003");
        client.get().uri(uri -> uri.path("/api/v1/search").queryParam("q", "Da Nang").queryParam("lang", "vi").build()).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo("a000000000000001");

        Map<String, String> indexed = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> statuses = consumerOf(Topics.STATUS)) {
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : statuses.poll(Duration.ofMillis(200))) {
                    if (record.value().contains("\"state\":\"INDEXED\"")) {
                        indexed.put(record.key(), record.value());
                    }
                }
                return indexed.keySet().containsAll(SampleArticles.all().stream().map(EnrichedArticle::id).toList());
            });
        }
        assertThat(indexed.get("a000000000000002")).contains("\"revision\":1", "\"at\":");
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            // statuses go to the contract's topic only, never to a topic named after the binding
            assertThat(admin.listTopics().names().get()).contains(Topics.STATUS).doesNotContain("articleStatus");
        }
        assertThat(meters.get("newsflow.search.indexed").tag("outcome", "indexed").counter().count()).isGreaterThanOrEqualTo(4);
        assertThat(meters.get("newsflow.search.freshness").timer().count()).isGreaterThanOrEqualTo(4);
        client.get().uri("/api/v1/articles/a000000000000001").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.related[0].id").isEqualTo("a000000000000003");
        // the local stack waits for UP: the MongoDB-wire store must pass the health check too
        client.get().uri("/actuator/health").exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.searchIndex.status").isEqualTo("UP")
                .jsonPath("$.components.searchIndex.details.feedRunning").isEqualTo(true);
    }

    @Test
    void deadLettersUnreadableAndInvalidArticlesWithTheReason() throws Exception {
        producer.send(new ProducerRecord<>(Topics.ENRICHED, "broken-1", "{not json".getBytes(StandardCharsets.UTF_8))).get();
        EnrichedArticle anonymous = SampleArticles.article(null, 1, "baomau.vn", "vi", "Không có mã", "lead", List.of(),
                null, List.of(), List.of(), List.of(), List.of());
        ObjectNode payload = json.valueToTree(anonymous);
        producer.send(new ProducerRecord<>(Topics.ENRICHED, "a0000000000000d1", json.writeValueAsBytes(payload))).get();

        Map<String, String> reasons = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> deadLetters = consumerOf("newsflow.articles.enriched.dlq")) {
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader(Headers.EXCEPTION_MESSAGE);
                    reasons.put(record.key(), header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                return reasons.containsKey("broken-1") && reasons.containsKey("a0000000000000d1");
            });
        }
        assertThat(reasons.get("a0000000000000d1")).contains("invalid-article: no id");
        client.get().uri("/api/v1/articles/a0000000000000d1").exchange().expectStatus().isNotFound();
    }

    @Test
    void restartedIndexReplicaResumesFromItsStoredOffsetsWithoutReindexing(@TempDir Path replica) throws Exception {
        publish(SampleArticles.article("a0000000000000c2", 2, "tinmau.vn", "vi", "Giá xăng giảm nhẹ",
                "Giá xăng giảm từ chiều nay.", List.of("Liên bộ điều chỉnh giá."), "2024-06-06T15:00:00+07:00",
                List.of(), List.of(), List.of(), List.of()));
        publish(SampleArticles.article("a0000000000000c3", 1, "examplenews.com", "en", "Fuel prices ease",
                "Fuel prices fell this afternoon.", List.of("The ministries adjusted prices."), "2024-06-06T15:30:00+07:00",
                List.of(), List.of(), List.of(), List.of()));

        // a wiped replica rebuilds from the compacted topic
        ArticleIndex index = new ArticleIndex(replica);
        IndexFeed feed = feed(index);
        feed.start();
        await().atMost(WAIT).until(() -> feed.caughtUp() && index.searchableRevision("a0000000000000c2") == 2
                && index.searchableRevision("a0000000000000c3") == 1);
        int documents = index.documentCount();
        assertThat(feed.appliedSinceStart()).isGreaterThanOrEqualTo(2);
        feed.stop();
        index.close();

        ArticleIndex reopened = new ArticleIndex(replica);
        IndexFeed resumed = feed(reopened);
        try {
            resumed.start();
            await().atMost(WAIT).until(resumed::caughtUp);
            assertThat(resumed.appliedSinceStart()).isZero();
            assertThat(reopened.documentCount()).isEqualTo(documents);

            EnrichedArticle later = SampleArticles.article("a0000000000000c1", 1, "tinmau.vn", "vi", "Bản tin tối",
                    "Tin tức buổi tối.", List.of("Nội dung bản tin."), "2024-06-06T19:00:00+07:00", List.of(), List.of(),
                    List.of(), List.of());
            publish(later);
            await().atMost(WAIT).until(() -> reopened.searchableRevision("a0000000000000c1") == 1);
            assertThat(resumed.appliedSinceStart()).isEqualTo(1);
        } finally {
            resumed.stop();
            reopened.close();
        }
    }

    private IndexFeed feed(ArticleIndex index) {
        return new IndexFeed(index, json, brokers, 1_048_576, properties, new SimpleMeterRegistry());
    }

    /** Publishes the article with one field this service does not know yet: the contract only ever adds fields. */
    private void publish(EnrichedArticle article) throws Exception {
        ObjectNode payload = json.valueToTree(article);
        payload.put("addedInALaterContractVersion", "ignored");
        producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id(), json.writeValueAsBytes(payload))).get();
    }

    private KafkaConsumer<String, String> consumerOf(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        await().atMost(WAIT).until(() -> !consumer.partitionsFor(topic).isEmpty());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
