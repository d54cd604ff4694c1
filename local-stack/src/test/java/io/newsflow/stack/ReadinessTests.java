package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class ReadinessTests {

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void serviceIsReadyOnlyWhenItsHealthAnswers200WithStatusUp() {
        health("/up", 200, "{\"status\":\"UP\",\"components\":{\"kafka\":{\"status\":\"UP\"}}}");
        health("/down", 503, "{\"status\":\"DOWN\",\"components\":{\"ping\":{\"status\":\"UP\"}}}");
        health("/out", 200, "{\"status\":\"OUT_OF_SERVICE\"}");
        health("/garbage", 200, "<html>not actuator</html>");
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        assertThat(Readiness.healthUp(base + "/up")).isTrue();
        assertThat(Readiness.healthUp(base + "/down")).isFalse();
        assertThat(Readiness.healthUp(base + "/out")).isFalse();
        assertThat(Readiness.healthUp(base + "/garbage")).isFalse();
        assertThat(Readiness.healthUp("http://127.0.0.1:" + FreePorts.pick(1)[0])).isFalse();
    }

    @Test
    void waitingReturnsOnceTheCheckHoldsAndFailsAtOnceWhenTheChildDied() {
        AtomicInteger attempts = new AtomicInteger();

        Readiness.await("service", Duration.ofSeconds(10), () -> true, () -> attempts.incrementAndGet() >= 3);

        assertThat(attempts).hasValue(3);
        long started = System.nanoTime();
        assertThatThrownBy(() -> Readiness.await("kafka", Duration.ofSeconds(30), () -> false, () -> false))
                .hasMessage("kafka exited before it was ready");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void waitingGivesUpAtTheDeadline() {
        assertThatThrownBy(() -> Readiness.await("mongo", Duration.ofMillis(300), () -> true, () -> false))
                .hasMessageContaining("mongo was not ready within");
    }

    private void health(String path, int status, String body) {
        server.createContext(path + "/actuator/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
