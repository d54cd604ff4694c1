package io.newsflow.enrich.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.enrich.config.EnrichProperties;

/** Publishes {@code ENRICHED} to the status topic, keyed by article id like every other record. */
@Component
class StatusPublisher {

    private final StreamBridge bridge;
    private final String binding;

    StatusPublisher(StreamBridge bridge, EnrichProperties properties) {
        this.bridge = bridge;
        this.binding = properties.statusBinding();
    }

    void enriched(EnrichedArticle article, Instant at) {
        ArticleStatus status = new ArticleStatus(article.id(), ArticleStatus.State.ENRICHED, article.revision(), null,
                at.toString());
        boolean sent = bridge.send(binding, MessageBuilder.withPayload(status)
                .setHeader(KafkaHeaders.KEY, article.id().getBytes(StandardCharsets.UTF_8))
                .build());
        if (!sent) {
            // thrown so that the binder retries the article rather than losing its status
            throw new IllegalStateException("status of " + article.id() + " was not accepted by binding " + binding);
        }
    }
}
