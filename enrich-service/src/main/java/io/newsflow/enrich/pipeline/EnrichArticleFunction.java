package io.newsflow.enrich.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Headers;
import io.newsflow.contract.RawArticle;

/**
 * The stream function {@code enrichArticle}: one raw article in, one enriched article out, keyed by
 * the article id. Imperative on purpose: the binder then retries it, dead-letters it and observes
 * each message. Invalid input throws {@link InvalidArticleException}, which is never retried.
 */
@Component("enrichArticle")
class EnrichArticleFunction implements Function<Message<RawArticle>, Message<EnrichedArticle>> {

    private final ArticleEnrichment enrichment;
    private final StatusPublisher status;
    private final MeterRegistry meters;
    private final Timer duration;
    private final Timer freshness;
    private final Clock clock;

    EnrichArticleFunction(ArticleEnrichment enrichment, StatusPublisher status, MeterRegistry meters, Clock clock) {
        this.enrichment = enrichment;
        this.status = status;
        this.meters = meters;
        this.clock = clock;
        this.duration = Timer.builder("newsflow.enrich.duration")
                .description("Time to enrich one raw article").register(meters);
        this.freshness = Timer.builder("newsflow.enrich.freshness")
                .description("Time from the platform receiving an article to its enrichment").register(meters);
    }

    @Override
    public Message<EnrichedArticle> apply(Message<RawArticle> message) {
        Timer.Sample sample = Timer.start(meters);
        try {
            RawArticle raw = checked(message);
            String id = raw.id() == null || raw.id().isBlank() ? ArticleIds.of(raw) : raw.id();
            long revision = raw.revision() > 0 ? raw.revision() : recordTimestamp(message.getHeaders());
            Instant now = clock.instant();
            EnrichedArticle enriched = enrichment.enrich(raw.identified(id, revision), now);
            status.enriched(enriched, now);
            count("enriched");
            recordFreshness(raw.receivedAt(), now);
            return MessageBuilder.withPayload(enriched)
                    .setHeader(KafkaHeaders.KEY, id.getBytes(StandardCharsets.UTF_8))
                    .build();
        } catch (InvalidArticleException invalid) {
            count("invalid");
            throw invalid;
        } catch (RuntimeException failure) {
            count("failed");
            throw failure;
        } finally {
            sample.stop(duration);
        }
    }

    private RawArticle checked(Message<RawArticle> message) {
        // when the payload is not JSON the function layer hands over the bytes as they came
        Object payload = ((Message<?>) message).getPayload();
        if (!(payload instanceof RawArticle raw)) {
            throw new InvalidArticleException("invalid-json: the payload is not a raw article JSON document");
        }
        String headerVersion = headerText(message.getHeaders().get(Headers.SCHEMA_VERSION));
        int version = raw.schemaVersion() != 0 ? raw.schemaVersion() : RawArticle.SCHEMA_VERSION;
        if (version != RawArticle.SCHEMA_VERSION
                || (headerVersion != null && !headerVersion.equals(String.valueOf(RawArticle.SCHEMA_VERSION)))) {
            throw new InvalidArticleException("unsupported-schema-version: "
                    + (headerVersion != null ? headerVersion : version));
        }
        if (!raw.hasContent()) {
            throw new InvalidArticleException("invalid-article: no body, html or text");
        }
        return raw;
    }

    private long recordTimestamp(MessageHeaders headers) {
        Object timestamp = headers.get(KafkaHeaders.RECEIVED_TIMESTAMP);
        return timestamp instanceof Number number ? number.longValue() : clock.millis();
    }

    private void recordFreshness(String receivedAt, Instant now) {
        if (receivedAt == null) {
            return;
        }
        try {
            Duration age = Duration.between(Instant.parse(receivedAt), now);
            if (!age.isNegative()) {
                freshness.record(age);
            }
        } catch (DateTimeParseException notAnInstant) {
            // freshness is a metric only; a partner's odd receivedAt must not fail the article
        }
    }

    private void count(String outcome) {
        meters.counter("newsflow.enrich.articles", "outcome", outcome).increment();
    }

    private static String headerText(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return text.strip();
    }
}
