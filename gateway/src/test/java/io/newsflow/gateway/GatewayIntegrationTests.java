package io.newsflow.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;

/**
 * The gateway over real HTTP in front of two real HTTP servers standing for ingest-service and
 * search-service; each answers with its name, the path and the partner header it received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsflow.gateway.api-keys[0].name=partner-a", "newsflow.gateway.api-keys[0].key=key-partner-a",
        "newsflow.gateway.api-keys[0].role=partner",
        "newsflow.gateway.api-keys[1].name=ops", "newsflow.gateway.api-keys[1].key=key-ops",
        "newsflow.gateway.api-keys[1].role=operator",
        "newsflow.gateway.api-keys[2].name=reader", "newsflow.gateway.api-keys[2].key=key-reader",
        "newsflow.gateway.api-keys[2].role=reader",
        "newsflow.gateway.api-keys[3].name=greedy", "newsflow.gateway.api-keys[3].key=key-greedy",
        "newsflow.gateway.api-keys[3].role=reader",
        "newsflow.gateway.rate-limit.capacity=40", "newsflow.gateway.rate-limit.refill-period=10m"})
class GatewayIntegrationTests {

    private static final DisposableServer ingest = echo("ingest");
    private static final DisposableServer search = echo("search");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("newsflow.gateway.ingest-uri", () -> "http://127.0.0.1:" + ingest.port());
        registry.add("newsflow.gateway.search-uri", () -> "http://127.0.0.1:" + search.port());
    }

    @AfterAll
    static void stopBackends() {
        ingest.disposeNow();
        search.disposeNow();
    }

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void routesEveryPublicPathToItsService() {
        expectRoute(http.post().uri("/api/v1/articles").header("X-Api-Key", "key-partner-a"), "ingest", "/api/v1/articles");
        expectRoute(http.post().uri("/api/v1/articles:batch").header("X-Api-Key", "key-partner-a"), "ingest", "/api/v1/articles:batch");
        expectRoute(http.get().uri("/api/v1/articles/abc/status").header("X-Api-Key", "key-partner-a"), "ingest", "/api/v1/articles/abc/status");
        expectRoute(http.post().uri("/api/v1/admin/dead-letters/replay").header("X-Api-Key", "key-ops"), "ingest", "/api/v1/admin/dead-letters/replay");
        expectRoute(http.get().uri("/api/v1/articles/abc").header("X-Api-Key", "key-reader"), "search", "/api/v1/articles/abc");
        expectRoute(http.get().uri("/api/v1/articles/abc/related").header("X-Api-Key", "key-reader"), "search", "/api/v1/articles/abc/related");
        expectRoute(http.get().uri("/api/v1/search?q=nguyen").header("X-Api-Key", "key-reader"), "search", "/api/v1/search");
        expectRoute(http.get().uri("/api/v1/entities?q=ha").header("X-Api-Key", "key-reader"), "search", "/api/v1/entities");
        expectRoute(http.get().uri("/api/v1/entities/loc:hanoi").header("X-Api-Key", "key-reader"), "search", "/api/v1/entities/loc:hanoi");
        expectRoute(http.get().uri("/api/v1/trending?window=24h").header("X-Api-Key", "key-reader"), "search", "/api/v1/trending");
        expectRoute(http.get().uri("/api/v1/stream").header("X-Api-Key", "key-reader"), "search", "/api/v1/stream");
        expectRoute(http.post().uri("/api/v1/admin/views/rebuild").header("X-Api-Key", "key-ops"), "search", "/api/v1/admin/views/rebuild");
    }

    @Test
    void ingestNeedsAPartnerKey() {
        expectProblem(http.post().uri("/api/v1/articles").contentType(MediaType.TEXT_PLAIN).bodyValue("Tin"), 401)
                .jsonPath("$.type").isEqualTo("https://newsflow.io/problems/api-key-required");
        expectProblem(http.post().uri("/api/v1/articles").header("X-Api-Key", "not-a-key"), 401);
        expectProblem(http.post().uri("/api/v1/articles").header("X-Api-Key", "key-reader"), 403);
        expectProblem(http.post().uri("/api/v1/admin/dead-letters/replay").header("X-Api-Key", "key-partner-a"), 403);
    }

    @Test
    void tellsServicesWhichPartnerCallsAndIgnoresASpoofedOne() {
        http.post().uri("/api/v1/articles").header("X-Api-Key", "key-partner-a")
                .header("X-Newsflow-Partner", "someone-else")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.partner").isEqualTo("partner-a");
        http.get().uri("/api/v1/articles/abc").header("X-Newsflow-Partner", "someone-else")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.partner").isEqualTo("");
    }

    @Test
    void readsAreOpenWithoutAKeyInTheLocalStack() {
        expectRoute(http.get().uri("/api/v1/search?q=ha+noi"), "search", "/api/v1/search");
    }

    @Test
    void limitsEachClientAndSaysWhenToRetry() {
        for (int i = 0; i < 40; i++) {
            http.get().uri("/api/v1/trending").header("X-Api-Key", "key-greedy").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "40");
        }
        expectProblem(http.get().uri("/api/v1/trending").header("X-Api-Key", "key-greedy"), 429)
                .jsonPath("$.type").isEqualTo("https://newsflow.io/problems/rate-limited");
        http.get().uri("/api/v1/trending").header("X-Api-Key", "key-greedy").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().valueEquals("RateLimit-Remaining", "0");
        // another client keeps its own budget
        http.get().uri("/api/v1/trending").header("X-Api-Key", "key-reader").exchange().expectStatus().isOk();
    }

    @Test
    void unknownApiPathIsAProblem() {
        expectProblem(http.get().uri("/api/v1/nothing-here").header("X-Api-Key", "key-reader"), 404);
    }

    private void expectRoute(WebTestClient.RequestHeadersSpec<?> request, String backend, String path) {
        request.exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo(backend)
                .jsonPath("$.path").isEqualTo(path);
    }

    private WebTestClient.BodyContentSpec expectProblem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        return request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").exists();
    }

    private static DisposableServer echo(String name) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    String partner = request.requestHeaders().get("X-Newsflow-Partner", "");
                    String body = "{\"backend\":\"" + name + "\",\"path\":\"" + request.fullPath()
                            + "\",\"partner\":\"" + partner + "\"}";
                    return response.header("Content-Type", "application/json").sendString(Mono.just(body));
                })
                .bindNow();
    }
}
