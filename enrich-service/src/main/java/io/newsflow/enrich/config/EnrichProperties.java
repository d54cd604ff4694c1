package io.newsflow.enrich.config;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of enrich-service, prefix {@code newsflow.enrich}.
 *
 * @param defaultZone       zone of published times written without an offset (Vietnamese outlets)
 * @param maxHeadlineHints  how many headlines of the page's own lists are kept as hints
 * @param maxEntities       how many entities an enriched article carries, most salient first
 * @param maxTags           how many key phrases an enriched article carries, best first
 * @param statusBinding     StreamBridge binding name of the status topic
 * @param relatedWindow     how far back related stories and duplicates are looked for
 * @param maxRelated        how many related stories an article lists
 * @param storeTimeout      longest wait for the MongoDB store of article signatures
 * @param cliFile           when set, enrich this one file, print the enriched JSON and exit (no Kafka)
 */
@ConfigurationProperties(prefix = "newsflow.enrich")
@Validated
public record EnrichProperties(
        @NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId defaultZone,
        @Min(0) @Max(200) @DefaultValue("30") int maxHeadlineHints,
        @Min(1) @Max(500) @DefaultValue("40") int maxEntities,
        @Min(1) @Max(100) @DefaultValue("15") int maxTags,
        @NotBlank @DefaultValue("articleStatus") String statusBinding,
        @NotNull @DefaultValue("P30D") Duration relatedWindow,
        @Min(0) @Max(50) @DefaultValue("10") int maxRelated,
        @NotNull @DefaultValue("PT10S") Duration storeTimeout,
        String cliFile) {
}
