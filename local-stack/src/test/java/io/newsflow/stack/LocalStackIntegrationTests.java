package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Starts the real children of the launcher (a KRaft Kafka broker and the MongoDB-wire store on disk) on
 * free ports with a temporary data directory, and talks to them with the real Kafka client and MongoDB
 * driver. The four services are not started here; the end-to-end test of the whole stack does that.
 */
class LocalStackIntegrationTests {

    private static final int EIGHT_MIB = 8 * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void keepsKafkaRecordsAndMongoDocumentsAcrossARestartOnTheSameDataDir() {
        StackSettings settings = infrastructureOnFreePorts();
        String topic = "local-stack-check-" + UUID.randomUUID();
        String value = "{\"headline\":\"Hà Nội thí điểm vùng phát thải thấp\"}";
        List<ChildProcess> firstRun;

        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.children()).extracting(ChildProcess::name).containsExactly("kafka", "mongo");
            assertThat(stack.children()).allMatch(ChildProcess::isAlive);

            send(stack, new ProducerRecord<>(topic, "article-1", value));
            assertThat(readAll(stack, topic, 1)).containsEntry("article-1", value);

            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                // What Spring Boot's Mongo health indicator sends: the services' health depends on it.
                Document hello = mongo.getDatabase("admin").runCommand(new Document("hello", 1));
                assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
                assertThat(hello).containsEntry("isWritablePrimary", true);
                receipts(mongo).insertOne(new Document("_id", "article-1").append("state", "indexed").append("revision", 3));
                assertThat(receipts(mongo).find(Filters.eq("_id", "article-1")).first()).containsEntry("state", "indexed");
            }
            firstRun = stack.children();
        }

        // close() stopped both children by PID, so the same ports and files can be taken again.
        assertThat(firstRun).noneMatch(ChildProcess::isAlive);
        assertThat(settings.dataDir().resolve("mongo/mongo.mv")).isRegularFile();
        assertThat(settings.dataDir().resolve("kafka/logs/meta.properties")).isRegularFile();

        try (LocalStack restarted = LocalStack.start(settings)) {
            assertThat(readAll(restarted, topic, 1)).containsEntry("article-1", value);
            try (MongoClient mongo = MongoClients.create(restarted.mongoUri())) {
                Document receipt = receipts(mongo).find(Filters.eq("_id", "article-1")).first();
                assertThat(receipt).isNotNull().containsEntry("state", "indexed").containsEntry("revision", 3);
            }
        }
    }

    @Test
    void brokerTakesARecordAboveKafkasOneMegabyteDefaultLikeARealNewsPage() {
        StackSettings settings = infrastructureOnFreePorts();
        String topic = "local-stack-large-" + UUID.randomUUID();
        String page = "<p>Trang tin rất dài</p>".repeat(3 * 1024 * 1024 / 24);

        try (LocalStack stack = LocalStack.start(settings)) {
            RecordMetadata written = send(stack, new ProducerRecord<>(topic, "large-page", page));

            assertThat(written.serializedValueSize()).isGreaterThan(3_000_000);
            assertThat(readAll(stack, topic, 1).get("large-page")).isEqualTo(page);
        }
    }

    private StackSettings infrastructureOnFreePorts() {
        return StackSettings.onFreePorts(StackSettings.findRepoRoot(Path.of("")), temp)
                .withServices(false)
                .withTimeouts(Duration.ofSeconds(90), Duration.ofSeconds(30));
    }

    private static MongoCollection<Document> receipts(MongoClient mongo) {
        return mongo.getDatabase("newsflow").getCollection("local_stack_check");
    }

    private static RecordMetadata send(LocalStack stack, ProducerRecord<String, String> record) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EIGHT_MIB);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            return producer.send(record).get();
        }
        catch (Exception ex) {
            throw new AssertionError("Could not write to " + record.topic(), ex);
        }
    }

    /** Reads the topic from the beginning with a fresh group until {@code expected} distinct keys arrived. */
    private static Map<String, String> readAll(LocalStack stack, String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-check-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EIGHT_MIB);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, EIGHT_MIB);
        Map<String, String> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties,
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.put(record.key(), record.value());
                }
                assertThat(seen).hasSizeGreaterThanOrEqualTo(expected);
            });
        }
        return seen;
    }
}
