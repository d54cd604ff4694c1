package io.newsflow.ingest.submission;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.publishing.PublishFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * {@code POST /api/v1/articles:batch}: NDJSON in, one result per line out, in order. A bad line
 * gets its own error and never stops the others.
 */
@RestController
class BatchController {

    private final ArticleSubmissions submissions;
    private final IngestProperties properties;
    private final JsonMapper json;

    BatchController(ArticleSubmissions submissions, IngestProperties properties, JsonMapper json) {
        this.submissions = submissions;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/articles:batch", consumes = MediaType.APPLICATION_NDJSON_VALUE,
            produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<SubmissionResult> submitBatch(@RequestBody Flux<String> lines,
                                       @RequestHeader(name = SubmissionController.PARTNER_HEADER, required = false) String partner) {
        return lines.index()
                .filter(line -> !line.getT2().isBlank())
                // publishing overlaps across lines; results keep the order of the lines
                .flatMapSequential(line -> submitLine(line, partner), properties.batchConcurrency());
    }

    private Mono<SubmissionResult> submitLine(Tuple2<Long, String> line, String partner) {
        int number = line.getT1().intValue() + 1;
        if (number > properties.maxBatchLines()) {
            return Mono.just(SubmissionResult.rejected(number, HttpStatus.CONTENT_TOO_LARGE.value(), "Batch too large",
                    "a batch holds at most " + properties.maxBatchLines() + " lines", List.of()));
        }
        return Mono.fromCallable(() -> json.readValue(line.getT2(), ArticleSubmission.class))
                .flatMap(submission -> submissions.submit(submission, partner, "batch"))
                .map(accepted -> SubmissionResult.accepted(accepted.id()).atLine(number))
                .onErrorResume(error -> Mono.just(rejection(number, error)));
    }

    private static SubmissionResult rejection(int line, Throwable error) {
        if (error instanceof InvalidArticleException invalid) {
            return SubmissionResult.rejected(line, 400, "Invalid article", invalid.getMessage(), invalid.problems());
        }
        if (error instanceof ArticleTooLargeException) {
            return SubmissionResult.rejected(line, 413, "Article too large", error.getMessage(), List.of());
        }
        if (error instanceof JacksonException) {
            return SubmissionResult.rejected(line, 400, "Malformed JSON", "line " + line + " is not a JSON article: "
                    + ((JacksonException) error).getOriginalMessage(), List.of());
        }
        if (error instanceof PublishFailedException) {
            return SubmissionResult.rejected(line, 503, "Kafka unavailable", error.getMessage(), List.of());
        }
        return SubmissionResult.rejected(line, 500, "Not accepted", String.valueOf(error.getMessage()), List.of());
    }
}
