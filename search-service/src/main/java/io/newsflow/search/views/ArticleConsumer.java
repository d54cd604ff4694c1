package io.newsflow.search.views;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.config.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.live.LiveArticles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The {@code storeArticle} function: one enriched article into the views, then, once this
 * instance's index can find it too, the {@code INDEXED} status. Imperative on purpose: the
 * binder gives it retries with backoff and the dead-letter topic. Runs on the binder's consumer
 * thread, where waiting on the store is allowed. When the local index replica is behind (a
 * rebuild), the record is not held up nor dead-lettered: the status is sent when the replica
 * reaches it.
 */
class ArticleConsumer implements Consumer<EnrichedArticle> {

    static final String STATUS_BINDING = "articleStatus";
    private static final Logger log = LoggerFactory.getLogger(ArticleConsumer.class);

    private final ArticleViews views;
    private final ArticleIndex index;
    private final StreamBridge bridge;
    private final LiveArticles live;
    private final Duration timeout;
    private final Counter indexed;
    private final Counter stale;
    private final Timer freshness;

    ArticleConsumer(ArticleViews views, ArticleIndex index, StreamBridge bridge, LiveArticles live,
                    SearchProperties properties, MeterRegistry meters) {
        this.views = views;
        this.index = index;
        this.bridge = bridge;
        this.live = live;
        this.timeout = properties.searchableTimeout();
        this.indexed = Counter.builder("newsflow.search.indexed").tag("outcome", "indexed")
                .description("Articles stored in the views and searchable").register(meters);
        this.stale = Counter.builder("newsflow.search.indexed").tag("outcome", "stale")
                .description("Article revisions ignored because a newer one is held").register(meters);
        this.freshness = Timer.builder("newsflow.search.freshness")
                .description("From the platform receiving an article to it being searchable")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public void accept(EnrichedArticle article) {
        validate(article);
        Instant now = Instant.now();
        Long held = views.store(article, now).block(timeout);
        if (held == null || held != article.revision()) {
            stale.increment();
            log.debug("Ignored revision {} of {}: the view holds {}", article.revision(), article.id(), held);
            return;
        }
        CompletableFuture<Void> searchable = index.whenSearchable(article.id(), article.revision());
        try {
            searchable.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the replica is still catching up (a rebuild from the topic, say): the views hold the
            // article, so this record is done; the status follows once the replica can find it
            log.info("Article {} stored; INDEXED will follow when this index replica reaches it", article.id());
            searchable.thenRunAsync(() -> announceLater(article));
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException("index failed for " + article.id(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index", e);
        }
        announce(article);
    }

    /** Publishes INDEXED (acknowledged by Kafka, else an exception) and tells live-stream clients. */
    private void announce(EnrichedArticle article) {
        Instant indexedAt = Instant.now();
        ArticleStatus status = new ArticleStatus(article.id(), ArticleStatus.State.INDEXED, article.revision(), null,
                indexedAt.toString());
        boolean sent = bridge.send(STATUS_BINDING, MessageBuilder.withPayload(status)
                .setHeader(KafkaHeaders.KEY, article.id().getBytes(StandardCharsets.UTF_8)).build());
        if (!sent) {
            throw new IllegalStateException("status of " + article.id() + " was not sent");
        }
        indexed.increment();
        Long received = ArticleIndex.parseInstant(article.receivedAt());
        if (received != null) {
            freshness.record(Duration.ofMillis(Math.max(0, indexedAt.toEpochMilli() - received)));
        }
        live.publish(new LiveArticles.IndexedArticle(article.id(), article.revision(), article.title(), article.lead(),
                article.publishedAt(), article.source(), article.language(),
                article.entities() == null ? List.of() : article.entities().stream().filter(Objects::nonNull)
                        .map(EnrichedArticle.Entity::id).filter(Objects::nonNull).toList(),
                article.tags() == null ? List.of() : article.tags().stream().filter(Objects::nonNull)
                        .map(EnrichedArticle.Tag::label).filter(Objects::nonNull).toList(),
                indexedAt.toString()));
    }

    private void announceLater(EnrichedArticle article) {
        try {
            announce(article);
        } catch (RuntimeException e) {
            // the article is stored and searchable; only its notification is lost, and a replay restores it
            log.warn("INDEXED status of {} could not be sent: {}", article.id(), e.toString());
        }
    }

    /** Input that can never be stored: non-retryable, so the binder dead-letters it at once with this message. */
    private static void validate(EnrichedArticle article) {
        if (article == null) {
            throw new IllegalArgumentException("invalid-article: empty payload");
        }
        if (article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("invalid-article: no id");
        }
        if (article.revision() < 0) {
            throw new IllegalArgumentException("invalid-article: negative revision");
        }
    }
}
