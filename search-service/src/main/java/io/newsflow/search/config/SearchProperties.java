package io.newsflow.search.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of search-service.
 *
 * @param indexPath          directory of this instance's Lucene index replica
 * @param defaultLimit       search results per page when the client does not say
 * @param maxLimit           the most results one page may ask for
 * @param maxQueryLength     the longest {@code q} accepted, in characters
 * @param commitInterval     how often the index commits (with the Kafka offsets it has applied)
 * @param searchableTimeout  how long the views consumer waits for the local index before it retries
 * @param zone               zone of date-only {@code from}/{@code to} filters (the newsroom's zone)
 * @param streamBuffer       events buffered per live-stream client before it skips ahead
 * @param resultCacheSize    answers of repeated searches kept (0: none); one outlives a refresh as it is, or with the new matches added, only when it then holds exactly the new reader's matches
 * @param feedEnabled        whether this instance feeds its index replica from Kafka (off only in tests that feed it directly)
 */
@Validated
@ConfigurationProperties(prefix = "newsflow.search")
public record SearchProperties(
        @NotBlank @DefaultValue("${java.io.tmpdir}/newsflow-search-index") String indexPath,
        @Min(1) @Max(100) @DefaultValue("10") int defaultLimit,
        @Min(1) @Max(200) @DefaultValue("50") int maxLimit,
        @Min(10) @Max(10_000) @DefaultValue("500") int maxQueryLength,
        @NotNull @DefaultValue("5s") Duration commitInterval,
        @NotNull @DefaultValue("10s") Duration searchableTimeout,
        @NotBlank @DefaultValue("Asia/Ho_Chi_Minh") String zone,
        @Min(1) @Max(10_000) @DefaultValue("256") int streamBuffer,
        @Min(0) @Max(100_000) @DefaultValue("1000") int resultCacheSize,
        @DefaultValue("true") boolean feedEnabled) {
}
