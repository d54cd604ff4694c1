package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.contract.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as {@code ./newsflow up} runs it: a real Kafka broker, the MongoDB-wire store on disk
 * and the four service jars as child processes, driven through the gateway over real HTTP with the two
 * real pages of {@code shared/seeds}, a page above Kafka's 1 MB default, and bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndIntegrationTests {

    private static final String PARTNER_KEY = "local-partner-key";
    private static final String CITY_SEED = "000_7b0da2fc71653c30.txt";
    private static final String MAGAZINE_SEED = "004_f469d133a909d010.txt";
    private static final List<String> BOILERPLATE_MARKERS = List.of("Tin bài liên quan", "Các tin bài khác", "Đọc nhiều",
            "[Video]", "[Infographic]", "Phiên bản di động", "Xin chờ trong giây lát", "infographic");
    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private LocalStack stack;

    @BeforeAll
    void startTheWholeStack(@TempDir Path temp) {
        Path repo = StackSettings.findRepoRoot(Path.of(""));
        for (String module : List.of("ingest-service", "enrich-service", "search-service", "gateway")) {
            assertThat(repo.resolve(module).resolve("target").resolve(module + ".jar"))
                    .as("the service jars are packaged before local-stack's integration tests (reactor order)")
                    .isRegularFile();
        }
        stack = LocalStack.start(StackSettings.onFreePorts(repo, temp));
        System.out.printf("end-to-end: whole stack ready in %.1f s%n", stack.startupTime().toMillis() / 1000.0);
        // the figures a reader of the CI log wants: how long each part took to start and what it holds
        for (ChildProcess child : stack.children()) {
            System.out.printf("end-to-end: %-15s ready in %5.1f s, RSS %4d MB%n", child.name(),
                    child.startupTime().toMillis() / 1000.0, child.residentKilobytes().orElse(0) / 1024);
        }
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void seedPagesBecomeCleanSearchableArticles() throws IOException {
        String cityPage = seed(CITY_SEED);
        String magazinePage = seed(MAGAZINE_SEED);

        String cityId = postAndTimeUntilIndexed(CITY_SEED, cityPage);
        String magazineId = postAndTimeUntilIndexed(MAGAZINE_SEED, magazinePage);

        JsonNode city = get("/api/v1/articles/" + cityId);
        assertThat(city.get("title").asString()).isEqualTo("Thành phố Hồ Chí Minh và Thủ đô Vientiane (Lào) tăng cường hợp tác");
        OffsetDateTime published = OffsetDateTime.parse(city.get("publishedAt").asString());
        assertThat(published.getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(published.toInstant()).isEqualTo(OffsetDateTime.parse("2022-05-26T17:02+07:00").toInstant());
        assertCleanBody(city, cityPage);

        JsonNode magazine = get("/api/v1/articles/" + magazineId);
        assertThat(magazine.get("title").asString()).isNotBlank();
        assertCleanBody(magazine, magazinePage);

        assertThat(searchIds("nguyen van nen")).contains(cityId);
        assertThat(searchIds("Alunmay")).contains(magazineId);
    }

    @Test
    void samePageSentAgainKeepsItsIdAndStaysOneArticle() throws IOException {
        String page = seed(CITY_SEED);
        String first = postPage(page);
        long firstRevision = awaitIndexed(first).get("revision").asLong();

        String second = postPage(page);
        assertThat(second).isEqualTo(first);
        await().atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode status = get("/api/v1/articles/" + second + "/status");
            assertThat(status.get("revision").asLong()).isGreaterThan(firstRevision);
            assertThat(status.get("state").asString()).isEqualTo("indexed");
        });
        assertThat(searchIds("Vientiane").stream().filter(first::equals)).hasSize(1);
    }

    @Test
    void pageAboveKafkasOneMegabyteDefaultGoesThroughEndToEnd() {
        StringBuilder html = new StringBuilder("<html><head><title>Báo cáo dài về giao thông đô thị</title></head><body><article>"
                + "<h1>Báo cáo dài về giao thông đô thị</h1>");
        for (int i = 1; html.length() < 1_300_000; i++) {
            html.append("<p>Đoạn ").append(i).append(": Sở Giao thông vận tải cho biết tuyến xe buýt số ").append(i)
                    .append(" sẽ được điều chỉnh lộ trình để giảm ùn tắc vào giờ cao điểm buổi sáng và buổi chiều.</p>\n");
        }
        html.append("</article></body></html>");

        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/v1/articles?source=e2e.example"))
                .header("X-Api-Key", PARTNER_KEY).header("Content-Type", "text/html; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(html.toString(), StandardCharsets.UTF_8)).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json.readTree(accepted.body()).get("id").asString();

        awaitIndexed(id);
        JsonNode article = get("/api/v1/articles/" + id);
        assertThat(article.get("title").asString()).isEqualTo("Báo cáo dài về giao thông đô thị");
        assertThat(article.get("body").size()).isGreaterThan(1_000);
    }

    @Test
    void badInputIsRefusedWithProblemsAndNothingReachesKafka() throws Exception {
        long before = rawTopicEndOffsets();

        expectProblem(post("application/json", "{\"headline\":\"Chỉ có tiêu đề\"}"), 400);
        expectProblem(post("application/json", "{\"body\": \"thiếu dấu đóng"), 400);
        expectProblem(post("text/plain", ""), 400);
        expectProblem(post("text/plain", "Trang quá lớn. ".repeat(400_000)), 413);
        expectProblem(post("application/pdf", "%PDF-1.4"), 415);
        expectProblem(send(HttpRequest.newBuilder(uri("/api/v1/articles")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Không có khóa")).build()), 401);

        assertThat(rawTopicEndOffsets()).as("no bad request reached the raw topic").isEqualTo(before);
    }

    private String postAndTimeUntilIndexed(String name, String page) {
        long start = System.nanoTime();
        String id = postPage(page);
        long accepted = System.nanoTime();
        awaitIndexed(id);
        System.out.printf("end-to-end: %s accepted in %d ms, indexed %d ms after posting%n", name,
                (accepted - start) / 1_000_000, (System.nanoTime() - start) / 1_000_000);
        return id;
    }

    private void assertCleanBody(JsonNode article, String page) {
        List<String> body = StreamSupport.stream(article.get("body").spliterator(), false).map(JsonNode::asString).toList();
        String title = article.get("title").asString();
        assertThat(body).hasSizeGreaterThanOrEqualTo(3);
        // the longest line before the page's first headline list is an article paragraph
        assertThat(body).contains(longestLineBeforeHeadlineLists(page));
        for (String paragraph : body) {
            BOILERPLATE_MARKERS.forEach(marker -> assertThat(paragraph).doesNotContain(marker));
            assertThat(paragraph).as("a caption repeating the title").isNotEqualTo(title);
            assertThat(paragraph.strip()).as("a widget").isNotEqualTo("aa");
        }
        // the headlines listed after "Tin bài liên quan" are hints for related stories, never body
        assertThat(body).doesNotContainAnyElementsOf(linesAfterHeadlineLists(page));
    }

    private static String longestLineBeforeHeadlineLists(String page) {
        String before = page.substring(0, page.indexOf("Tin bài liên quan"));
        return before.lines().map(String::strip).max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
    }

    private static List<String> linesAfterHeadlineLists(String page) {
        return page.substring(page.indexOf("Tin bài liên quan")).lines().map(String::strip)
                .filter(line -> line.length() > 20).collect(Collectors.toList());
    }

    private String postPage(String page) {
        HttpResponse<String> response = post("text/plain; charset=utf-8", page);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> post(String contentType, String body) {
        return send(HttpRequest.newBuilder(uri("/api/v1/articles")).header("X-Api-Key", PARTNER_KEY)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private JsonNode awaitIndexed(String id) {
        List<JsonNode> last = new ArrayList<>(1);
        await().atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/articles/" + id + "/status"))
                    .header("X-Api-Key", PARTNER_KEY).GET().build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode status = json.readTree(response.body());
            assertThat(status.get("state").asString()).as(response.body()).isIn("indexed", "rejected");
            assertThat(status.get("state").asString()).as(response.body()).isEqualTo("indexed");
            last.clear();
            last.add(status);
        });
        return last.get(0);
    }

    private List<String> searchIds(String query) {
        JsonNode result = get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=50");
        return StreamSupport.stream(result.get("items").spliterator(), false).map(item -> item.get("id").asString()).toList();
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", PARTNER_KEY).GET().build());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void expectProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private long rawTopicEndOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.RAW)).allTopicNames().get().get(Topics.RAW).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(Topics.RAW, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private URI uri(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }

    private static String seed(String name) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("seeds").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Files.readString(candidate, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("shared/seeds/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
