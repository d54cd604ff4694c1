package io.newsflow.search.views;

import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads of the MongoDB views: article pages, related lists, entities and trending. */
@RestController
class ArticleController {

    private static final int MAX_ENTITY_LIMIT = 50;
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,4})([mhd])");
    private static final Duration MAX_WINDOW = Duration.ofDays(90);
    private static final int TRENDING_SIZE = 20;

    private final ArticleViews views;

    ArticleController(ArticleViews views) {
        this.views = views;
    }

    @GetMapping("/api/v1/articles/{id}")
    Mono<Map<String, Object>> article(@PathVariable String id) {
        return views.article(id).map(ArticleDocuments::toResource).switchIfEmpty(Mono.error(() -> notFound("article", id)));
    }

    @GetMapping("/api/v1/articles/{id}/related")
    Mono<List<Map<String, Object>>> related(@PathVariable String id) {
        return views.article(id).map(ArticleDocuments::related).switchIfEmpty(Mono.error(() -> notFound("article", id)));
    }

    @GetMapping("/api/v1/entities")
    Mono<List<Map<String, Object>>> entities(@RequestParam(required = false) String q,
                                             @RequestParam(required = false) String type,
                                             @RequestParam(required = false, defaultValue = "10") int limit) {
        if (limit < 1) {
            return Mono.error(badRequest("limit", "must be at least 1"));
        }
        if (q != null && q.length() > 200) {
            return Mono.error(badRequest("q", "must be at most 200 characters"));
        }
        if (type != null && !type.isBlank() && !List.of("PERSON", "LOCATION", "ORGANIZATION").contains(type)) {
            return Mono.error(badRequest("type", "must be PERSON, LOCATION or ORGANIZATION"));
        }
        return views.entitiesStartingWith(q, type, Math.min(limit, MAX_ENTITY_LIMIT)).map(ArticleController::entitySummary).collectList();
    }

    @GetMapping("/api/v1/entities/{id}")
    Mono<Map<String, Object>> entity(@PathVariable String id) {
        return views.entity(id)
                .switchIfEmpty(Mono.error(() -> notFound("entity", id)))
                .flatMap(entity -> Mono.zip(views.articleCount(id),
                        views.coOccurringEntities(id, 10).map(co -> (Object) Map.of("id", co.get("_id"),
                                "name", String.valueOf(co.get("name")), "type", String.valueOf(co.get("type")),
                                "count", co.get("count"))).collectList(),
                        views.recentArticles(id, 20).map(article -> (Object) articleSummary(article)).collectList())
                        .map(parts -> {
                            Map<String, Object> resource = entitySummary(entity);
                            resource.put("articleCount", parts.getT1());
                            resource.put("firstSeen", instant(entity.get("firstSeen")));
                            resource.put("lastSeen", instant(entity.get("lastSeen")));
                            resource.put("relatedEntities", parts.getT2());
                            resource.put("articles", parts.getT3());
                            return resource;
                        }));
    }

    /** Entities and tags mentioned more in the window than in the window before it. */
    @GetMapping("/api/v1/trending")
    Mono<Map<String, Object>> trending(@RequestParam(required = false, defaultValue = "24h") String window) {
        Matcher matcher = WINDOW.matcher(window.strip());
        if (!matcher.matches()) {
            return Mono.error(badRequest("window", "must be a number followed by m, h or d, e.g. 24h"));
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration length = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (length.isZero() || length.compareTo(MAX_WINDOW) > 0) {
            return Mono.error(badRequest("window", "must be between 1m and 90d"));
        }
        Instant now = Instant.now();
        Instant start = now.minus(length);
        Instant before = start.minus(length);
        return Mono.zip(rising("entities", before, start, now), rising("tags", before, start, now))
                .map(both -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("window", window.strip());
                    body.put("from", start.toString());
                    body.put("to", now.toString());
                    body.put("entities", both.getT1());
                    body.put("tags", both.getT2());
                    return body;
                });
    }

    private Mono<List<Map<String, Object>>> rising(String what, Instant before, Instant start, Instant now) {
        int scan = TRENDING_SIZE * 10;
        return Mono.zip(views.counts(what, start, now, scan).collectList(), views.counts(what, before, start, scan).collectList())
                .map(windows -> {
                    Map<Object, Integer> previous = new LinkedHashMap<>();
                    windows.getT2().forEach(doc -> previous.put(doc.get("_id"), ((Number) doc.get("count")).intValue()));
                    return windows.getT1().stream()
                            .map(doc -> {
                                int count = ((Number) doc.get("count")).intValue();
                                int earlier = previous.getOrDefault(doc.get("_id"), 0);
                                Map<String, Object> item = new LinkedHashMap<>();
                                if (what.equals("entities")) {
                                    item.put("id", doc.get("_id"));
                                    item.put("name", doc.get("name"));
                                } else {
                                    item.put("label", doc.get("_id"));
                                }
                                item.put("count", count);
                                item.put("previousCount", earlier);
                                item.put("rise", count - earlier);
                                return item;
                            })
                            .filter(item -> (int) item.get("rise") > 0)
                            .sorted((a, b) -> Integer.compare((int) b.get("rise"), (int) a.get("rise")))
                            .limit(TRENDING_SIZE)
                            .toList();
                });
    }

    private static Map<String, Object> entitySummary(Document entity) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", entity.getString("_id"));
        resource.put("name", entity.getString("name"));
        resource.put("type", entity.getString("type"));
        resource.put("aliases", entity.getList("aliases", String.class, List.of()));
        return resource;
    }

    private static Map<String, Object> articleSummary(Document article) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", article.getString("_id"));
        summary.put("title", article.getString("title"));
        summary.put("lead", article.getString("lead"));
        summary.put("publishedAt", article.getString("publishedAt"));
        summary.put("source", article.getString("source"));
        return summary;
    }

    private static String instant(Object value) {
        return value instanceof Date date ? date.toInstant().toString() : null;
    }

    private static ErrorResponseException notFound(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " with id " + id + ".");
        problem.setType(URI.create("https://newsflow.io/problems/not-found"));
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static ErrorResponseException badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request parameters are not valid.");
        problem.setType(URI.create("https://newsflow.io/problems/invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
