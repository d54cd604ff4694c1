package io.newsflow.search.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Topics;
import io.newsflow.search.config.SearchProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds this instance's index replica from the compacted enriched topic. Every instance reads
 * every partition (manual assignment, no consumer group), starting from the offsets stored in the
 * index's last commit, so a restart resumes exactly where it stopped and a wiped index rebuilds
 * from the beginning of the topic. Runs on its own thread: Lucene and the Kafka client block.
 */
public class IndexFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);

    private final ArticleIndex index;
    private final JsonMapper json;
    private final Map<String, Object> consumerConfig;
    private final Duration commitInterval;
    private final String topic;
    private final AtomicLong applied = new AtomicLong();
    private final Counter appliedCounter;
    private final Counter skippedCounter;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public IndexFeed(ArticleIndex index, JsonMapper json, String bootstrapServers, int maxMessageBytes,
                     SearchProperties properties, MeterRegistry meters) {
        this(index, json, bootstrapServers, maxMessageBytes, properties.commitInterval(), Topics.ENRICHED, meters);
    }

    /**
     * A consumer that reads the whole topic itself, with no group and no committed offsets: where it
     * stands is the reader's own business (the index commits, or a rebuild's progress).
     */
    public static Map<String, Object> topicReaderConfig(String bootstrapServers, int maxMessageBytes, String clientId) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxMessageBytes,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    IndexFeed(ArticleIndex index, JsonMapper json, String bootstrapServers, int maxMessageBytes,
              Duration commitInterval, String topic, MeterRegistry meters) {
        this.index = index;
        this.json = json;
        this.commitInterval = commitInterval;
        this.topic = topic;
        this.consumerConfig = topicReaderConfig(bootstrapServers, maxMessageBytes, "search-index-feed");
        this.appliedCounter = Counter.builder("newsflow.search.index.applied")
                .description("Enriched articles written to this instance's index replica").register(meters);
        this.skippedCounter = Counter.builder("newsflow.search.index.skipped")
                .description("Enriched records the index did not apply (older revision or unreadable)").register(meters);
        Gauge.builder("newsflow.search.index.documents", index, ArticleIndex::documentCount)
                .description("Documents in this instance's index replica").register(meters);
        Gauge.builder("newsflow.search.index.size", index, ArticleIndex::sizeOnDisk).baseUnit("bytes")
                .description("Bytes on disk of this instance's index replica").register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        caughtUp = false;
        thread = new Thread(this::run, "search-index-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the index closes and after the web server stops taking requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /** Records this feed has written to the index since it started. */
    public long appliedSinceStart() {
        return applied.get();
    }

    /** True once the feed has read up to the end of every partition it was assigned at least once. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        Map<String, Long> offsets = new HashMap<>(index.committedOffsets());
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            long nextPartitionCheck = 0;
            long nextCommit = System.nanoTime() + commitInterval.toNanos();
            while (running) {
                try {
                    if (System.nanoTime() >= nextPartitionCheck) {
                        assignAll(kafka, offsets);
                        nextPartitionCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
                        if (kafka.assignment().isEmpty()) {
                            // the topic does not exist yet (the binder creates it): look again shortly
                            nextPartitionCheck = 0;
                            waitBriefly();
                            continue;
                        }
                    }
                    ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                    if (!records.isEmpty()) {
                        apply(records, offsets);
                    }
                    if (!caughtUp) {
                        caughtUp = atEnd(kafka);
                    }
                    if (System.nanoTime() >= nextCommit) {
                        index.commit();
                        nextCommit = System.nanoTime() + commitInterval.toNanos();
                    }
                } catch (WakeupException | org.apache.lucene.store.AlreadyClosedException stopping) {
                    throw stopping;
                } catch (IOException | RuntimeException e) {
                    // a broker away or a failed write: the offsets stay where the index is, so try again
                    // from there after a pause rather than spin
                    log.warn("Index feed iteration failed, retrying: {}", e.toString());
                    rewind(kafka, offsets);
                    waitBriefly();
                }
            }
        } catch (WakeupException | org.apache.lucene.store.AlreadyClosedException stopping) {
            // stop() woke the consumer up, or the index was closed under it
        } catch (RuntimeException e) {
            log.error("Index feed stopped: {}", e.toString(), e);
        } finally {
            consumer = null;
            try {
                index.commit();
            } catch (IOException | RuntimeException e) {
                log.warn("Index commit on stop failed: {}", e.toString());
            }
            running = false;
        }
    }

    /** Applies one poll; {@code offsets} moves on only once the batch is searchable. */
    private void apply(ConsumerRecords<byte[], byte[]> records, Map<String, Long> offsets) throws IOException {
        Map<String, Long> batchRevisions = new HashMap<>();
        Map<String, Long> batchOffsets = new HashMap<>(offsets);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            batchOffsets.put(record.topic() + ":" + record.partition(), record.offset() + 1);
            EnrichedArticle article = read(record);
            if (article == null) {
                skippedCounter.increment();
                continue;
            }
            if (index.apply(article, batchRevisions)) {
                applied.incrementAndGet();
                appliedCounter.increment();
            } else {
                skippedCounter.increment();
                // the index holds this revision or a newer one: whoever waits for it may go on
                batchRevisions.merge(article.id(), index.searchableRevision(article.id()), Math::max);
            }
        }
        index.publish(batchRevisions, batchOffsets);
        offsets.putAll(batchOffsets);
    }

    private EnrichedArticle read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null; // a tombstone of the compacted topic: nothing to index
        }
        try {
            EnrichedArticle article = json.readValue(record.value(), EnrichedArticle.class);
            if (article.id() == null || article.id().isBlank()) {
                throw new IllegalArgumentException("enriched article without id");
            }
            return article;
        } catch (RuntimeException e) {
            // the views consumer dead-letters the same record with its reason; the index only skips it
            log.warn("Skipping unreadable enriched record {}:{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private void assignAll(KafkaConsumer<byte[], byte[]> kafka, Map<String, Long> offsets) {
        List<PartitionInfo> partitions;
        try {
            partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException | org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            partitions = List.of();
        }
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        Set<TopicPartition> wanted = new HashSet<>();
        partitions.forEach(info -> wanted.add(new TopicPartition(info.topic(), info.partition())));
        Set<TopicPartition> current = kafka.assignment();
        if (current.equals(wanted)) {
            return;
        }
        List<TopicPartition> added = new ArrayList<>(wanted);
        added.removeAll(current);
        kafka.assign(wanted);
        for (TopicPartition partition : added) {
            Long offset = offsets.get(partition.topic() + ":" + partition.partition());
            if (offset != null) {
                kafka.seek(partition, offset);
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
        caughtUp = false;
        log.info("Index feed reads {} from stored offsets {}", wanted, offsets);
    }

    /** Back to the last offsets made searchable, so nothing polled but not applied is skipped. */
    private static void rewind(KafkaConsumer<byte[], byte[]> kafka, Map<String, Long> offsets) {
        try {
            for (TopicPartition partition : kafka.assignment()) {
                Long offset = offsets.get(partition.topic() + ":" + partition.partition());
                if (offset != null) {
                    kafka.seek(partition, offset);
                } else {
                    kafka.seekToBeginning(List.of(partition));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Index feed could not rewind: {}", e.toString());
        }
    }

    private boolean atEnd(KafkaConsumer<byte[], byte[]> kafka) {
        Set<TopicPartition> assignment = kafka.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = kafka.endOffsets(assignment, Duration.ofSeconds(5));
        for (TopicPartition partition : assignment) {
            if (kafka.position(partition, Duration.ofSeconds(5)) < ends.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private void waitBriefly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
