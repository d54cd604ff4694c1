package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Headers;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.enrich.InMemoryMongo;
import io.newsflow.enrich.Seeds;
import io.newsflow.enrich.related.StoryLinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream function on a real (embedded KRaft) broker with the MongoDB-wire store in memory: the
 * happy path, related stories and the dead-letter path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "newsflow.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "newsflow.kafka.partitions=1",
        "spring.cloud.stream.bindings.enrichArticle-in-0.consumer.back-off-initial-interval=100"})
@EmbeddedKafka(partitions = 1)
@Import({InMemoryMongo.class, EnrichPipelineIntegrationTests.FlakyStore.class})
class EnrichPipelineIntegrationTests {

    /** Retries are attempts: the store wrapper counts them per article id. */
    private static final String FAILS_TWICE = "fails-twice-";
    private static final String ALWAYS_FAILS = "always-fails-";

    /**
     * The real store behind a wrapper that fails like an unavailable dependency for some article
     * ids: twice then never for {@value #FAILS_TWICE}…, always for {@value #ALWAYS_FAILS}….
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyStore {

        @Bean
        Attempts attempts() {
            return new Attempts(new ConcurrentHashMap<>());
        }

        @Bean
        @Primary
        StoryLinks flakyStoryLinks(@Qualifier("storyLinks") StoryLinks store, Attempts attempts) {
            return article -> {
                int attempt = attempts.byArticle().computeIfAbsent(article.id(), id -> new AtomicInteger()).incrementAndGet();
                if (article.id().startsWith(ALWAYS_FAILS) || (article.id().startsWith(FAILS_TWICE) && attempt <= 2)) {
                    throw new IllegalStateException("store unavailable");
                }
                return store.link(article);
            };
        }
    }

    /** How many times the store was asked to link each article. */
    record Attempts(Map<String, AtomicInteger> byArticle) {
    }

    @Autowired
    private Attempts attempts;

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void enrichesAGoodRawArticleKeyedByIdAndPublishesItsEnrichedStatus() {
        String id = "good-" + UUID.randomUUID();
        RawArticle raw = Seeds.raw(Seeds.MAGAZINE_VISIT).identified(id, 3);

        send(id, json.writeValueAsBytes(raw));

        List<ConsumerRecord<String, String>> enriched = awaitRecords(Topics.ENRICHED, id, 1);
        EnrichedArticle article = json.readValue(enriched.get(0).value(), EnrichedArticle.class);
        assertThat(article.title()).isEqualTo("Đẩy mạnh quan hệ giữa TPHCM với các địa phương của Lào");
        assertThat(article.revision()).isEqualTo(3);
        assertThat(article.body()).noneMatch(paragraph -> paragraph.contains("Tin bài liên quan"));

        List<ConsumerRecord<String, String>> statuses = awaitRecords(Topics.STATUS, id, 1);
        ArticleStatus status = json.readValue(statuses.get(0).value(), ArticleStatus.class);
        assertThat(status.state()).isEqualTo(ArticleStatus.State.ENRICHED);
        assertThat(status.revision()).isEqualTo(3);
    }

    @Test
    void deadLettersAnEmptyArticleAndANonJsonRecordWithTheirReasonAndLosesNothingElse() {
        String empty = "empty-" + UUID.randomUUID();
        String broken = "broken-" + UUID.randomUUID();
        String good = "after-" + UUID.randomUUID();
        RawArticle emptyArticle = new RawArticle(1, empty, 1, null, "baomau.vn", null, null, "Tiêu đề", null, null,
                null, null, null, null);
        RawArticle goodArticle = new RawArticle(1, good, 1, null, "baomau.vn", null, null,
                "Cầu mới bắc qua sông Hồng thông xe", "Sáng nay, cây cầu mới bắc qua sông Hồng chính thức thông xe.",
                null, null, null, null, null);

        send(empty, json.writeValueAsBytes(emptyArticle));
        send(broken, "<html>not a JSON document".getBytes(StandardCharsets.UTF_8));
        send(good, json.writeValueAsBytes(goodArticle));

        assertThat(reason(awaitRecords(Topics.RAW_DEAD_LETTERS, empty, 1).get(0)))
                .isEqualTo("invalid-article: no body, html or text");
        assertThat(reason(awaitRecords(Topics.RAW_DEAD_LETTERS, broken, 1).get(0))).startsWith("invalid-json");
        assertThat(awaitRecords(Topics.ENRICHED, good, 1)).hasSize(1);
        assertThat(awaitRecords(Topics.STATUS, good, 1)).hasSize(1);
        // each bad record is dead-lettered once (never retried into duplicates) and never enriched
        assertThat(awaitRecords(Topics.RAW_DEAD_LETTERS, empty, 1)).hasSize(1);
        assertThat(awaitRecords(Topics.ENRICHED, empty, 0)).isEmpty();
        assertThat(awaitRecords(Topics.ENRICHED, broken, 0)).isEmpty();
    }

    @Test
    void relatesTheMagazineVisitToTheCityVisitBySharedEntitiesOnACompactedTopic() throws Exception {
        String cityVisit = "city-" + UUID.randomUUID();
        String magazineVisit = "magazine-" + UUID.randomUUID();

        send(cityVisit, json.writeValueAsBytes(Seeds.raw(Seeds.CITY_VISIT).identified(cityVisit, 1)));
        awaitRecords(Topics.ENRICHED, cityVisit, 1);
        send(magazineVisit, json.writeValueAsBytes(Seeds.raw(Seeds.MAGAZINE_VISIT).identified(magazineVisit, 1)));

        EnrichedArticle article = json.readValue(awaitRecords(Topics.ENRICHED, magazineVisit, 1).get(0).value(),
                EnrichedArticle.class);
        assertThat(article.related()).anySatisfy(related -> {
            assertThat(related.id()).isEqualTo(cityVisit);
            assertThat(related.title()).isEqualTo("Thành phố Hồ Chí Minh và Thủ đô Vientiane (Lào) tăng cường hợp tác");
            assertThat(related.reasons()).contains("entity:Lào", "entity:Thành phố Hồ Chí Minh");
        });
        assertThat(article.duplicateOf()).isNull();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENRICHED);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void retriesAFailingDependencyWithBackOffThenDeadLettersItAfterThreeAttempts() {
        String recovers = FAILS_TWICE + UUID.randomUUID();
        String neverRecovers = ALWAYS_FAILS + UUID.randomUUID();

        send(recovers, json.writeValueAsBytes(article(recovers)));
        send(neverRecovers, json.writeValueAsBytes(article(neverRecovers)));

        assertThat(awaitRecords(Topics.ENRICHED, recovers, 1)).hasSize(1);
        assertThat(attempts.byArticle().get(recovers)).hasValue(3);
        assertThat(reason(awaitRecords(Topics.RAW_DEAD_LETTERS, neverRecovers, 1).get(0)))
                .isEqualTo("enrichment-failed: IllegalStateException: store unavailable");
        assertThat(attempts.byArticle().get(neverRecovers)).hasValue(3);
    }

    private static RawArticle article(String id) {
        return new RawArticle(1, id, 1, null, "baomau.vn", null, null, "Cầu mới bắc qua sông Hồng thông xe",
                "Sáng nay, cây cầu mới bắc qua sông Hồng chính thức thông xe.", null, null, null, null, null);
    }

    private void send(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.RAW, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce the test record", e);
        }
    }

    /** Reads the topic from the start until {@code expected} records with the key are there. */
    private List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            if (expected == 0) {
                // nothing must arrive: read what the topic holds now (the good record after it proves it was processed)
                await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> collect(record, key, found));
                    return found.isEmpty();
                });
                return found;
            }
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> collect(record, key, found));
                return found.size() >= expected;
            });
        }
        return found;
    }

    private static void collect(ConsumerRecord<String, String> record, String key, List<ConsumerRecord<String, String>> found) {
        if (key.equals(record.key())) {
            found.add(record);
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Headers.DEAD_LETTER_REASON);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
