package io.newsflow.ingest.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of ingest-service.
 *
 * @param maxArticleSize      largest article or page accepted, one request or one batch line (413 beyond)
 * @param maxBatchLines       most lines in one NDJSON batch
 * @param batchConcurrency    batch lines published at once (results still come back in order)
 * @param publishTimeout      how long to wait for Kafka to acknowledge before answering 503
 * @param receiptsCollection  MongoDB collection with one receipt (status) per article
 * @param deadLettersCollection MongoDB collection keeping dead letters until they are replayed
 */
@Validated
@ConfigurationProperties(prefix = "newsflow.ingest")
public record IngestProperties(
        @NotNull DataSize maxArticleSize,
        @Min(1) @Max(100_000) int maxBatchLines,
        @Min(1) @Max(256) int batchConcurrency,
        @NotNull Duration publishTimeout,
        @NotBlank String receiptsCollection,
        @NotBlank String deadLettersCollection) {
}
