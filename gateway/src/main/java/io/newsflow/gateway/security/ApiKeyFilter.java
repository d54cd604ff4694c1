package io.newsflow.gateway.security;

import io.newsflow.gateway.config.EdgeProperties;
import io.newsflow.gateway.config.EdgeProperties.ApiKey;
import io.newsflow.gateway.config.EdgeProperties.Role;
import io.newsflow.gateway.problems.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code X-Api-Key} against the role each path needs. Partners are passed on to the
 * services as {@code X-Newsflow-Partner}, a header no client can set itself.
 */
@Component
@Order(ApiKeyFilter.ORDER)
public class ApiKeyFilter implements WebFilter {

    static final int ORDER = -200;
    static final String API_KEY_HEADER = "X-Api-Key";
    static final String PARTNER_HEADER = "X-Newsflow-Partner";
    /** The authenticated client, for the rate limiter. */
    public static final String CLIENT_ATTRIBUTE = "newsflow.client";

    private final List<ApiKey> keys;
    private final boolean openReads;

    ApiKeyFilter(EdgeProperties properties) {
        this.keys = List.copyOf(properties.apiKeys());
        this.openReads = properties.openReads();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Role required = AccessRule.required(request);
        String presented = request.getHeaders().getFirst(API_KEY_HEADER);
        Optional<ApiKey> client = presented == null ? Optional.empty() : find(presented);
        if (presented != null && client.isEmpty()) {
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "invalid-api-key", "Invalid API key",
                    "the X-Api-Key given is not known");
        }
        if (required != null && client.isEmpty() && !(required == Role.READER && openReads)) {
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "api-key-required", "API key required",
                    "this path needs an X-Api-Key with the " + required.name().toLowerCase() + " role");
        }
        if (required != null && client.isPresent() && client.get().role().compareTo(required) < 0) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "insufficient-role", "Not allowed",
                    "this path needs the " + required.name().toLowerCase() + " role");
        }
        client.ifPresent(known -> exchange.getAttributes().put(CLIENT_ATTRIBUTE, known.name()));
        String partner = client.filter(known -> known.role() == Role.PARTNER).map(ApiKey::name).orElse(null);
        boolean forged = request.getHeaders().containsHeader(PARTNER_HEADER);
        if (partner == null && !forged) {
            // most requests: nothing to change, so no copy of the request and its headers
            return chain.filter(exchange);
        }
        ServerHttpRequest passedOn = request.mutate().headers(headers -> {
            headers.remove(PARTNER_HEADER);
            if (partner != null) {
                headers.set(PARTNER_HEADER, partner);
            }
        }).build();
        return chain.filter(exchange.mutate().request(passedOn).build());
    }

    private Optional<ApiKey> find(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        // constant-time comparison: a key must not leak through response timing
        return keys.stream()
                .filter(key -> MessageDigest.isEqual(key.key().getBytes(StandardCharsets.UTF_8), given))
                .findFirst();
    }
}
