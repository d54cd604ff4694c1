package io.newsflow.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.gateway.config.EdgeProperties;
import io.newsflow.gateway.problems.Problems;
import io.newsflow.gateway.security.ApiKeyFilter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client (its API key name, or its address without a key). Answers 429 with
 * {@code Retry-After} and the IETF {@code RateLimit-*} headers rather than the non-standard
 * {@code X-RateLimit-*} ones of Spring Cloud Gateway's limiter.
 */
@Component
@Order(-100) // after ApiKeyFilter, so that a client with a key is limited by its key
class RateLimitFilter implements WebFilter {

    private final EdgeProperties.RateLimit limit;
    // idle clients are forgotten, so that many addresses cannot grow the map without bound
    // upkeep on the event loop that reads: handed to the common pool, it woke another thread
    // every few requests
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .executor(Runnable::run)
            .expireAfterAccess(10, TimeUnit.MINUTES)
            .maximumSize(100_000)
            .build();
    private final Counter limited;

    RateLimitFilter(EdgeProperties properties, MeterRegistry meters) {
        this.limit = properties.rateLimit();
        this.limited = Counter.builder("newsflow.gateway.rate.limited")
                .description("Requests refused with 429")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Bucket bucket = buckets.get(client(exchange), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        long resetSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        headers.set("RateLimit-Limit", String.valueOf(limit.capacity()));
        headers.set("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        limited.increment();
        headers.set("RateLimit-Reset", String.valueOf(resetSeconds));
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(resetSeconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "at most " + limit.capacity() + " requests per " + limit.refillPeriod() + "; retry after "
                        + resetSeconds + " s");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.refillPeriod()).build())
                .build();
    }

    private static String client(ServerWebExchange exchange) {
        String named = exchange.getAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE);
        if (named != null) {
            return "key:" + named;
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "ip:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
    }
}
