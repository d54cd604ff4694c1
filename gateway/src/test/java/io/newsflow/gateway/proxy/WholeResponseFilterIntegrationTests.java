package io.newsflow.gateway.proxy;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway over a raw socket, in front of a real HTTP server standing for search-service that
 * sends a body in pieces, 50 ms apart unless told otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WholeResponseFilterIntegrationTests {

    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final String PIECE = "{\"title\":\"Hội nghị Trung ương bàn về kinh tế số\"}\n".repeat(40);

    private static final DisposableServer search = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .get("/api/v1/search", (request, response) -> {
                        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
                        int pieces = Integer.parseInt(query.get("pieces").get(0));
                        Flux<Integer> paced = query.containsKey("no-pause")
                                ? Flux.range(0, pieces) : Flux.range(0, pieces).delayElements(PAUSE);
                        int length = PIECE.getBytes(StandardCharsets.UTF_8).length * pieces;
                        return response.header("Content-Type", "application/json").header("Content-Length", String.valueOf(length))
                                .sendString(paced.map(i -> PIECE), StandardCharsets.UTF_8);
                    })
                    .get("/api/v1/stream", (request, response) -> response.header("Content-Type", "text/event-stream")
                            .sendString(Flux.concat(Flux.just("data: first\n\n"), Flux.never()))))
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
    void aSmallAnswerLeavesTheGatewayInOnePiece() throws IOException {
        try (Socket socket = RawHttp.get(port, "/api/v1/search?pieces=3")) {
            // the service takes 100 ms between its first and last piece; relayed as they came, the
            // head and first piece would be read on their own
            String firstRead = RawHttp.readOnce(socket.getInputStream());
            assertThat(firstRead).startsWith("HTTP/1.1 200").endsWith(PIECE.repeat(3));
        }
    }

    @Test
    void aLargeAnswerIsRelayedWhole() throws IOException {
        int pieces = (int) (WholeResponseFilter.MAX_WHOLE_BYTES / PIECE.length()) + 20;
        try (Socket socket = RawHttp.get(port, "/api/v1/search?no-pause&pieces=" + pieces)) {
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith(PIECE.repeat(pieces));
        }
    }

    @Test
    void theLiveStreamIsNotHeldBack() throws IOException {
        try (Socket socket = RawHttp.get(port, "/api/v1/stream")) {
            // the service never ends this answer: its first event must come through on its own
            assertThat(RawHttp.readUntil(socket, "data: first")).startsWith("HTTP/1.1 200");
        }
    }
}
