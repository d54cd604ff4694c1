package io.newsflow.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the gateway (not named GatewayProperties: that is Spring Cloud Gateway's own).
 *
 * @param ingestUri  where ingest-service listens
 * @param searchUri  where search-service listens
 * @param openReads  let GET requests of readers through without a key (the local stack does; deployments may not)
 * @param apiKeys    the keys clients present in {@code X-Api-Key}, each with its role
 * @param rateLimit  requests allowed per client (API key, or address without a key)
 * @param serviceReadTimeout  longest silence of a service while it answers: then 504 (a live stream's
 *                    heartbeats keep it under this)
 */
@Validated
@ConfigurationProperties(prefix = "newsflow.gateway")
public record EdgeProperties(
        @NotNull URI ingestUri,
        @NotNull URI searchUri,
        boolean openReads,
        @NotNull List<@Valid ApiKey> apiKeys,
        @NotNull @Valid RateLimit rateLimit,
        @NotNull Duration serviceReadTimeout) {

    /** Who may do what, each role including the ones before it. */
    public enum Role { READER, PARTNER, OPERATOR }

    /**
     * @param name  the client's name; for partners, the partner their articles are recorded under
     * @param key   the secret presented in {@code X-Api-Key}
     * @param role  what the key may do
     */
    public record ApiKey(@NotBlank String name, @NotBlank String key, @NotNull Role role) {
    }

    /**
     * A token bucket per client.
     *
     * @param capacity      requests a client may burst
     * @param refillPeriod  time in which a full bucket refills
     */
    public record RateLimit(@Min(1) int capacity, @NotNull Duration refillPeriod) {
    }
}
