package io.newsflow.gateway.docs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document served by the gateway over real HTTP, without an API key, checked against
 * the public contract {@code shared/API.md}: every path with its method and every query
 * parameter named there is described.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "newsflow.gateway.open-reads=false")
class ApiDocsIntegrationTests {

    /** {@code - `GET /api/v1/search?q=&entity=` — ...} in API.md. */
    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/api/[^`?\\s]+)(\\?[^`\\s]*)?`");

    @LocalServerPort
    int port;

    private WebTestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void describesEveryPathMethodAndQueryParameterOfTheApiContract() throws IOException {
        Map<String, List<String>> contract = contractEndpoints();
        assertThat(contract).hasSizeGreaterThanOrEqualTo(12);

        JsonNode document = json.readTree(http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody());
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        JsonNode paths = document.get("paths");
        List<String> missing = new ArrayList<>();
        contract.forEach((endpoint, parameters) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode operation = paths.path(path).path(method);
            if (operation.isMissingNode()) {
                missing.add(endpoint);
                return;
            }
            for (String parameter : parameters) {
                boolean described = false;
                for (JsonNode declared : operation.path("parameters")) {
                    described |= parameter.equals(declared.path("name").asString());
                }
                if (!described) {
                    missing.add(endpoint + " ?" + parameter);
                }
            }
        });
        assertThat(missing).as("described in API.md but not in /v3/api-docs").isEmpty();
        assertThat(document.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(document.at("/components/schemas/SearchResult/properties").propertyNames())
                .contains("total", "items", "facets", "nextCursor");
    }

    @Test
    void servesTheYamlSourceWithoutAKey() {
        http.get().uri("/api-docs.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).startsWith("openapi: 3.1.0").contains("/api/v1/search:"));
        http.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk();
    }

    /** {@code "GET /api/v1/search"} → its query parameters, from shared/API.md. */
    private static Map<String, List<String>> contractEndpoints() throws IOException {
        String text = Files.readString(apiContract());
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        Matcher matcher = ENDPOINT.matcher(text);
        while (matcher.find()) {
            List<String> parameters = new ArrayList<>();
            if (matcher.group(3) != null) {
                for (String pair : matcher.group(3).substring(1).split("&")) {
                    String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                    if (!name.isBlank()) {
                        parameters.add(name);
                    }
                }
            }
            endpoints.merge(matcher.group(1) + " " + matcher.group(2), parameters, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                b.stream().filter(name -> !all.contains(name)).forEach(all::add);
                return all;
            });
        }
        return endpoints;
    }

    /** shared/API.md beside the repository (CI clones it there), found by walking up from the module. */
    private static Path apiContract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("API.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail("shared/API.md not found above " + Path.of("").toAbsolutePath());
    }
}
