package io.newsflow.ingest.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.Headers;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.ingest.config.IngestProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Publishes raw articles and their status to Kafka and completes only once the broker has
 * acknowledged them (acks=all, idempotent producer), so a 202 means the article is durable.
 */
@Component
public class ArticlePublisher {

    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final IngestProperties properties;
    private final Timer publishTimer;

    ArticlePublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, IngestProperties properties,
                     MeterRegistry meters) {
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.publishTimer = Timer.builder("newsflow.ingest.publish")
                .description("Time from handing a raw article to Kafka until the broker acknowledged it")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Publishes the raw article, then its {@code accepted} status; completes after both are acknowledged. */
    public Mono<ArticleStatus> publish(RawArticle article) {
        ArticleStatus accepted = new ArticleStatus(article.id(), ArticleStatus.State.ACCEPTED, article.revision(),
                null, Instant.now().toString());
        return send(Topics.RAW, article.id(), article)
                .then(send(Topics.STATUS, article.id(), accepted))
                .thenReturn(accepted);
    }

    private Mono<Void> send(String topic, String key, Object payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.writeValueAsBytes(payload));
        record.headers().add(MessageHeaders.CONTENT_TYPE, JSON);
        if (payload instanceof RawArticle raw) {
            record.headers().add(Headers.SCHEMA_VERSION,
                    String.valueOf(raw.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        }
        Timer.Sample sample = Timer.start();
        // send() may block while it fetches metadata from an unreachable broker: keep that off the event loop
        return Mono.defer(() -> Mono.fromFuture(kafka.send(record)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.publishTimeout())
                .doOnSuccess(result -> sample.stop(publishTimer))
                .onErrorMap(error -> new PublishFailedException(topic, error))
                .then();
    }
}
