package io.newsflow.search.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.search.config.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

@RestController
class SearchController {

    private final ArticleSearch search;
    private final SearchRequestParser parser;
    private final JsonMapper json;

    SearchController(ArticleIndex index, SearchProperties properties, MeterRegistry registry, JsonMapper json) {
        this.search = new ArticleSearch(index, SearchResultCache.of(properties.resultCacheSize(), registry));
        this.parser = new SearchRequestParser(properties);
        this.json = json;
    }

    /** The body is the answer's JSON (a {@link SearchResult}), encoded once per cached answer. */
    @GetMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<byte[]> search(@RequestParam MultiValueMap<String, String> parameters) throws IOException {
        SearchRequestParser.Result parsed = parser.parse(parameters);
        if (!parsed.errors().isEmpty()) {
            return Mono.error(badRequest(parsed.errors()));
        }
        SearchAnswer cached = search.cachedAnswer(parsed.request());
        Mono<SearchAnswer> answer = cached != null
                ? Mono.just(cached)
                // Lucene blocks: never on the event loop
                : Mono.fromCallable(() -> search.answer(parsed.request())).subscribeOn(Schedulers.boundedElastic());
        return answer.map(found -> found.json(json));
    }

    static ErrorResponseException badRequest(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The search parameters are not valid.");
        problem.setType(URI.create("https://newsflow.io/problems/invalid-search"));
        problem.setTitle("Invalid search");
        problem.setProperty("errors", errors.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
