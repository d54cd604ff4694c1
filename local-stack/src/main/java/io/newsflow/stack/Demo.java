package io.newsflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./newsflow demo}: posts the sample articles under {@code demo/} through the gateway as a
 * partner would, waits until each one is indexed (or rejected, with the reason), and prints curl
 * commands to try the read API with and without diacritics.
 */
final class Demo {

    static final String PARTNER_KEY = "local-partner-key";
    static final String OPERATOR_KEY = "local-operator-key";
    static final String INDEX = "demo/index.txt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String gatewayUrl;
    private final Duration timeout;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Demo(String gatewayUrl, Duration timeout, PrintStream out) {
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.timeout = timeout;
        this.out = out;
    }

    /** The sample articles in posting order, as the JSON bodies of {@code POST /api/v1/articles}. */
    static List<String> sampleArticles() {
        List<String> articles = new ArrayList<>();
        for (String line : resource(INDEX).split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                articles.add(resource("demo/" + name));
            }
        }
        return articles;
    }

    private static String resource(String name) {
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Returns the number of articles that did not reach {@code indexed}. */
    int run() {
        Map<String, String> idsByHeadline = new LinkedHashMap<>();
        for (String article : sampleArticles()) {
            String headline = JSON.readTree(article).path("headline").asString();
            JsonNode accepted = post(article);
            String id = accepted.path("id").asString();
            out.printf("accepted  %s  %s%n", id, headline);
            idsByHeadline.put(headline, id);
        }
        out.println();
        int notIndexed = 0;
        for (Map.Entry<String, String> entry : idsByHeadline.entrySet()) {
            JsonNode status = awaitFinalState(entry.getValue());
            String state = status.path("state").asString("unknown");
            out.printf("%-9s %s  %s%s%n", state, entry.getValue(), entry.getKey(),
                    status.hasNonNull("reason") ? "  (" + status.path("reason").asString() + ")" : "");
            if (!"indexed".equals(state)) {
                notIndexed++;
            }
        }
        printTour(idsByHeadline.values().iterator().next());
        return notIndexed;
    }

    private JsonNode post(String article) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", PARTNER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(article, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/articles answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls the status with backoff until indexed or rejected, or the timeout passes (then the last state). */
    private JsonNode awaitFinalState(String id) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 100;
        JsonNode last = JSON.createObjectNode().put("state", "unknown");
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/articles/" + id + "/status"))
                    .timeout(Duration.ofSeconds(10)).header("X-Api-Key", PARTNER_KEY).GET().build());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                String state = last.path("state").asString();
                if ("indexed".equals(state) || "rejected".equals(state)) {
                    return last;
                }
            }
            Readiness.pause(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 1000);
        }
        return last;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not reach " + request.uri() + " (is ./newsflow up running?)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    private void printTour(String firstId) {
        out.println();
        out.println("Try:");
        out.printf("  curl -s '%s/api/v1/articles/%s'%n", gatewayUrl, firstId);
        out.printf("  curl -s '%s/api/v1/search?q=%s'%n", gatewayUrl, URLEncoder.encode("Hà Nội", StandardCharsets.UTF_8));
        out.printf("  curl -s '%s/api/v1/search?q=ha+noi'              # the same without diacritics%n", gatewayUrl);
        out.printf("  curl -s '%s/api/v1/search?q=xe+buyt+dien&sort=newest'%n", gatewayUrl);
        out.printf("  curl -s '%s/api/v1/search?q=Ho+Chi+Minh+City'     # finds TP HCM articles in both languages%n", gatewayUrl);
        out.printf("  curl -s '%s/api/v1/entities?q=bo+giao+duc'%n", gatewayUrl);
        out.printf("  curl -s '%s/api/v1/articles/%s/related'%n", gatewayUrl, firstId);
        out.printf("  curl -s -H 'X-Api-Key: %s' '%s/api/v1/articles/%s/status'%n", PARTNER_KEY, gatewayUrl, firstId);
    }
}
