package io.newsflow.ingest.submission;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.RawArticle;
import io.newsflow.ingest.publishing.ArticlePublisher;
import io.newsflow.ingest.publishing.Revisions;
import io.newsflow.ingest.status.ReceiptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Turns a valid submission into a raw article on Kafka and its receipt. */
@Component
class ArticleSubmissions {

    private static final Logger log = LoggerFactory.getLogger(ArticleSubmissions.class);

    private final SubmissionValidator validator;
    private final ArticlePublisher publisher;
    private final ReceiptStore receipts;
    private final Revisions revisions;
    private final MeterRegistry meters;

    ArticleSubmissions(SubmissionValidator validator, ArticlePublisher publisher, ReceiptStore receipts,
                       Revisions revisions, MeterRegistry meters) {
        this.validator = validator;
        this.publisher = publisher;
        this.receipts = receipts;
        this.revisions = revisions;
        this.meters = meters;
    }

    /**
     * Validates, publishes and records the article; completes once Kafka acknowledged it.
     *
     * @param partner the partner the gateway authenticated, or null
     * @param channel how it came: {@code json}, {@code page} or {@code batch} (a metric tag)
     */
    Mono<Accepted> submit(ArticleSubmission submission, String partner, String channel) {
        return Mono.fromCallable(() -> toRawArticle(validator.validate(submission)))
                .flatMap(article -> publisher.publish(article)
                        .flatMap(status -> recordReceipt(status, partner).thenReturn(new Accepted(article.id()))))
                .doOnSuccess(accepted -> count(channel, "accepted"))
                .doOnError(error -> count(channel, outcomeOf(error)));
    }

    private RawArticle toRawArticle(ArticleSubmission submission) {
        String id = ArticleIds.of(submission.url(), submission.source(), submission.externalId(), submission.content());
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, revisions.next(), Instant.now().toString(),
                submission.source(), submission.externalId(), submission.url(), submission.headline(),
                submission.body(), submission.html(), submission.text(), submission.publishedAt(),
                submission.language(), submission.byline());
    }

    /**
     * The receipt is also written by the status consumer from the topic; writing it here as well
     * lets a partner read its status right after the 202. A failure here is not the partner's
     * problem: the article is durable in Kafka and the consumer will record it.
     */
    private Mono<Void> recordReceipt(ArticleStatus status, String partner) {
        return receipts.record(status, partner)
                .onErrorResume(error -> {
                    log.warn("Receipt of {} not written now, the status consumer will: {}", status.id(), error.toString());
                    return Mono.empty();
                });
    }

    private void count(String channel, String outcome) {
        meters.counter("newsflow.ingest.articles", "channel", channel, "outcome", outcome).increment();
    }

    private static String outcomeOf(Throwable error) {
        if (error instanceof InvalidArticleException) {
            return "invalid";
        }
        if (error instanceof ArticleTooLargeException) {
            return "too_large";
        }
        return "failed";
    }

    /** What the partner gets back: the stable id. */
    record Accepted(String id) {
    }
}
