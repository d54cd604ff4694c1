package io.newsflow.gateway.proxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway, with a one-second read timeout, in front of a real HTTP server standing for
 * search-service: one path answers after three seconds of silence, the live stream talks every
 * 300 ms for longer than the timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "newsflow.gateway.service-read-timeout=1s")
class ServiceReadTimeoutIntegrationTests {

    private static final DisposableServer search = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .get("/api/v1/trending", (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(Mono.just("{}").delayElement(Duration.ofSeconds(3))))
                    .get("/api/v1/stream", (request, response) -> response.header("Content-Type", "text/event-stream")
                            .sendString(Flux.interval(Duration.ofMillis(300))
                                    .map(tick -> tick == 7 ? "data: after two seconds\n\n" : ": keep-alive\n\n"))))
            .bindNow();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("newsflow.gateway.search-uri", () -> "http://127.0.0.1:" + search.port());
    }

    @AfterAll
    static void stopBackend() {
        search.disposeNow();
    }

    @LocalServerPort
    int port;

    @Test
    void aSilentServiceIsAGatewayTimeoutProblem() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/v1/trending").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsflow.io/problems/service-timeout");
    }

    @Test
    void aStreamThatKeepsTalkingOutlivesTheTimeout() throws IOException {
        try (Socket socket = RawHttp.get(port, "/api/v1/stream")) {
            assertThat(RawHttp.readUntil(socket, "data: after two seconds")).startsWith("HTTP/1.1 200");
        }
    }
}
