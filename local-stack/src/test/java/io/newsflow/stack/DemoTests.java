package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void postsEverySampleWithThePartnerKeyAndWaitsUntilEachIsIndexedOrRejected() throws IOException {
        Map<String, AtomicInteger> statusReads = new ConcurrentHashMap<>();
        AtomicInteger postsWithPartnerKey = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/api/v1/articles", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/articles")) {
                if (!"local-partner-key".equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                    answer(exchange, 401, "{\"title\":\"Unauthorized\"}");
                    return;
                }
                postsWithPartnerKey.incrementAndGet();
                String id = "id-" + json.readTree(exchange.getRequestBody()).path("externalId").asString();
                answer(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"accepted\",\"statusUrl\":\"/api/v1/articles/" + id + "/status\"}");
            }
            else if (exchange.getRequestMethod().equals("GET") && path.endsWith("/status")) {
                String id = path.split("/")[4];
                int reads = statusReads.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                if (id.equals("id-demo-en-007")) {
                    answer(exchange, 200, "{\"id\":\"" + id + "\",\"state\":\"rejected\",\"reason\":\"too_short\"}");
                }
                else {
                    // accepted at first, indexed from the second read on: the demo must keep polling.
                    answer(exchange, 200, "{\"id\":\"" + id + "\",\"state\":\"" + (reads < 2 ? "accepted" : "indexed") + "\"}");
                }
            }
            else {
                answer(exchange, 404, "{}");
            }
        });
        gateway.start();
        try {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            String url = "http://127.0.0.1:" + gateway.getAddress().getPort();

            int notIndexed = new Demo(url, Duration.ofSeconds(20), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

            int samples = Demo.sampleArticles().size();
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(postsWithPartnerKey).hasValue(samples);
            assertThat(notIndexed).isEqualTo(1);
            assertThat(output).contains("indexed   id-demo-vi-001", "rejected  id-demo-en-007", "(too_short)",
                    url + "/api/v1/search?q=ha+noi");
            assertThat(statusReads.get("id-demo-vi-001")).hasValue(2);
        }
        finally {
            gateway.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void samplesAreStructuredIngestArticlesInVietnameseAndEnglish() {
        List<JsonNode> samples = Demo.sampleArticles().stream().map(json::readTree).toList();

        assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.path("headline").asString()).isNotBlank();
            assertThat(sample.path("body").asString()).contains("\n\n");
            assertThat(sample.path("url").asString()).startsWith("https://");
            assertThat(sample.path("publishedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
            assertThat(sample.path("language").asString()).isIn("vi", "en");
        });
        assertThat(samples).filteredOn(sample -> sample.path("language").asString().equals("en")).hasSizeBetween(1, 2);
        assertThat(samples).extracting(sample -> sample.path("url").asString()).doesNotHaveDuplicates();
        assertThat(samples).extracting(sample -> sample.path("externalId").asString()).doesNotHaveDuplicates();
    }

    @Test
    void vietnameseSamplesShareEntitiesWrittenInDifferentForms() {
        List<String> vietnameseBodies = Demo.sampleArticles().stream().map(json::readTree)
                .filter(sample -> sample.path("language").asString().equals("vi"))
                .map(sample -> sample.path("headline").asString() + "\n" + sample.path("body").asString())
                .toList();

        assertThat(vietnameseBodies).filteredOn(text -> text.contains("Hà Nội")).hasSizeGreaterThanOrEqualTo(2);
        // The same city as "TP HCM", "TP.HCM", "TP. Hồ Chí Minh" and "Thành phố Hồ Chí Minh": what entity linking must join.
        assertThat(String.join("\n", vietnameseBodies)).contains("TP HCM", "TP.HCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh");
        assertThat(vietnameseBodies).filteredOn(text -> text.contains("Bộ ")).hasSizeGreaterThanOrEqualTo(3);
    }
}
