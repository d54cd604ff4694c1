package io.newsflow.ingest.status;

import io.newsflow.contract.ArticleStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Records every status event of {@code newsflow.articles.status} into the receipts. Imperative
 * on purpose: a failed write is retried with backoff by the binder, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class StatusConsumer {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    Consumer<ArticleStatus> recordStatus(ReceiptStore receipts) {
        return status -> receipts.record(status, null).block(WRITE_TIMEOUT);
    }
}
