package io.newsflow.search.rebuild;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Topics;
import io.newsflow.search.config.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.IndexFeed;
import io.newsflow.search.views.ArticleViews;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Rebuilds the views and this instance's index from the compacted enriched topic while the old
 * ones keep serving. A rebuild replays the topic from the beginning into the collections and the
 * index directory of the next generation (the views consumer writes new articles to both
 * generations meanwhile), up to the end offsets taken when it started. Then it pauses the index
 * feed, replays what arrived since, moves the {@link GenerationPointer}, swaps the views and the
 * index in memory, resumes the feed from the new index's offsets and drops the old generation.
 * One rebuild at a time; it runs on its own thread because Kafka, Lucene and the waits on MongoDB block.
 */
public class ViewsRebuild {

    private static final Logger log = LoggerFactory.getLogger(ViewsRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    /** A replay that reads nothing for this long while behind its target gives up rather than wait forever. */
    private static final Duration STALL = Duration.ofMinutes(2);
    private static final int STORES_IN_FLIGHT = 4;
    private static final int RUNS_KEPT = 20;

    private final GenerationPointer pointer;
    private final ArticleViews views;
    private final ArticleIndex index;
    private final Supplier<IndexFeed> feed;
    private final JsonMapper json;
    private final Path indexBase;
    private final Map<String, Object> consumerConfig;
    private final AtomicReference<Run> running = new AtomicReference<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();

    ViewsRebuild(GenerationPointer pointer, ArticleViews views, ArticleIndex index, Supplier<IndexFeed> feed,
                 JsonMapper json, SearchProperties properties, String bootstrapServers, int maxMessageBytes) {
        this.pointer = pointer;
        this.views = views;
        this.index = index;
        this.feed = feed;
        this.json = json;
        this.indexBase = Path.of(properties.indexPath());
        this.consumerConfig = IndexFeed.topicReaderConfig(bootstrapServers, maxMessageBytes, "search-views-rebuild");
    }

    /** Starts a rebuild, or answers the one already running. */
    StartResult start() {
        Run run = new Run(UUID.randomUUID().toString(), views.activeGeneration());
        if (!running.compareAndSet(null, run)) {
            return new StartResult(false, running.get().progress());
        }
        synchronized (runs) {
            runs.put(run.id, run);
            if (runs.size() > RUNS_KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        Thread thread = new Thread(() -> execute(run), "search-views-rebuild");
        thread.setDaemon(true);
        thread.start();
        return new StartResult(true, run.progress());
    }

    Optional<Progress> progress(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id)).map(Run::progress);
        }
    }

    private void execute(Run run) {
        long next = run.fromGeneration + 1;
        Path directory = ArticleIndex.pathOf(indexBase, next);
        ArticleIndex built = null;
        IndexFeed pausedFeed = null;
        boolean switched = false;
        try {
            log.info("Rebuild {}: replaying {} into views and index generation {}", run.id, Topics.ENRICHED, next);
            views.startBuilding(next).block(STORE_TIMEOUT);
            deleteLeftovers(directory);
            built = new ArticleIndex(directory);
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
                List<TopicPartition> partitions = partitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                // the target is fixed before reading: what arrives later reaches the new views through the consumer
                Map<TopicPartition, Long> target = kafka.endOffsets(partitions);
                run.target = target.values().stream().mapToLong(Long::longValue).sum();
                replay(kafka, target, built, run);
                run.caughtUpAt = Instant.now();
                run.state = State.SWITCHING;

                // the index feed pauses so that no article lands in the old index only; searches go on meanwhile
                pausedFeed = feed.get();
                if (pausedFeed != null) {
                    pausedFeed.stop();
                }
                Map<TopicPartition, Long> now = kafka.endOffsets(partitions);
                run.target = now.values().stream().mapToLong(Long::longValue).sum();
                replay(kafka, now, built, run);
                built.commit();
                pointer.pointTo(next).block(STORE_TIMEOUT);
                long previous = views.switchToBuilding();
                index.takeOver(built);
                switched = true;
                built = null;
                run.switchedAt = Instant.now();
                if (pausedFeed != null) {
                    pausedFeed.start();
                    pausedFeed = null;
                }
                views.drop(previous).block(STORE_TIMEOUT);
            }
            run.state = State.COMPLETED;
            log.info("Rebuild {} completed: generation {} serves {} documents", run.id, next, index.documentCount());
        } catch (RuntimeException | IOException e) {
            run.error = e.toString();
            run.state = State.FAILED;
            log.error("Rebuild {} failed{}: {}", run.id, switched ? " after the switch" : ", the old generation keeps serving",
                    e.toString(), e);
            if (!switched) {
                try {
                    views.abandonBuilding().block(STORE_TIMEOUT);
                } catch (RuntimeException dropFailed) {
                    log.warn("Rebuild {}: could not drop generation {}: {}", run.id, next, dropFailed.toString());
                }
                if (built != null) {
                    built.discard();
                }
            }
        } finally {
            if (pausedFeed != null) {
                pausedFeed.start();
            }
            run.finishedAt = Instant.now();
            running.set(null);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(Topics.ENRICHED, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.ENRICHED + " not found");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        return partitions;
    }

    /** Reads until every partition's position reaches the target, writing each batch to the new views and index. */
    private void replay(KafkaConsumer<byte[], byte[]> kafka, Map<TopicPartition, Long> target, ArticleIndex built,
                        Run run) throws IOException {
        long lastProgress = System.nanoTime();
        while (!reached(kafka, target)) {
            ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
            if (records.isEmpty()) {
                if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("replay stalled at " + run.position + " of " + run.target);
                }
                continue;
            }
            lastProgress = System.nanoTime();
            // the last record of an id in a batch is its newest: older ones would be ignored as stale anyway
            Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                run.replayed++;
                EnrichedArticle article = read(record);
                if (article != null) {
                    latest.merge(article.id(), article, (held, newer) -> newer.revision() >= held.revision() ? newer : held);
                }
            }
            Instant at = Instant.now();
            Flux.fromIterable(latest.values())
                    .flatMap(article -> views.storeInBuilding(article, at), STORES_IN_FLIGHT)
                    .blockLast(STORE_TIMEOUT);
            Map<String, Long> revisions = new HashMap<>();
            for (EnrichedArticle article : latest.values()) {
                built.apply(article, revisions);
            }
            Map<String, Long> offsets = new HashMap<>();
            long position = 0;
            for (TopicPartition partition : kafka.assignment()) {
                long next = kafka.position(partition);
                offsets.put(partition.topic() + ":" + partition.partition(), next);
                position += next;
            }
            built.publish(revisions, offsets);
            run.stored += latest.size();
            run.position = position;
        }
        // partitions that held nothing still get an offset, so the feed resumes there and not from the start
        Map<String, Long> offsets = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            offsets.put(partition.topic() + ":" + partition.partition(), kafka.position(partition));
        }
        built.publish(Map.of(), offsets);
        run.position = offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> kafka, Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> entry : target.entrySet()) {
            if (kafka.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private EnrichedArticle read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null; // a tombstone of the compacted topic
        }
        try {
            EnrichedArticle article = json.readValue(record.value(), EnrichedArticle.class);
            // what the views consumer would dead-letter is skipped here: it is in the dead letters already
            return article.id() == null || article.id().isBlank() || article.revision() < 0 ? null : article;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** A directory of the same generation can only be what a failed attempt left: start clean. */
    private static void deleteLeftovers(Path directory) throws IOException {
        ArticleIndex.deleteRecursively(directory);
    }

    enum State { RUNNING, SWITCHING, COMPLETED, FAILED }

    public record StartResult(boolean started, Progress progress) {
    }

    /**
     * What {@code GET /api/v1/admin/views/rebuild/{id}} shows. Offsets are summed over the
     * partitions: {@code position} of {@code target} records of the topic have been read.
     */
    public record Progress(String id, String state, long fromGeneration, long toGeneration, long replayed, long stored,
                    long position, long target, Instant startedAt, Instant caughtUpAt, Instant switchedAt,
                    Instant finishedAt, String error) {
    }

    /** One rebuild; written by its thread, read by the progress resource. */
    private static final class Run {
        private final String id;
        private final long fromGeneration;
        private final Instant startedAt = Instant.now();
        private volatile State state = State.RUNNING;
        private volatile long replayed;
        private volatile long stored;
        private volatile long position;
        private volatile long target;
        private volatile Instant caughtUpAt;
        private volatile Instant switchedAt;
        private volatile Instant finishedAt;
        private volatile String error;

        Run(String id, long fromGeneration) {
            this.id = id;
            this.fromGeneration = fromGeneration;
        }

        Progress progress() {
            return new Progress(id, state.name().toLowerCase(java.util.Locale.ROOT), fromGeneration, fromGeneration + 1,
                    replayed, stored, position, target, startedAt, caughtUpAt, switchedAt, finishedAt, error);
        }
    }
}
