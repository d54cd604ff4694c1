package io.newsflow.ingest.submission;

import io.newsflow.ingest.config.IngestProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** {@code POST /api/v1/articles}: one article as JSON, or a raw page as text/html or text/plain. */
@RestController
class SubmissionController {

    /** Set by the gateway from the partner's API key; never trusted from outside (the gateway strips it). */
    static final String PARTNER_HEADER = "X-Newsflow-Partner";

    private final ArticleSubmissions submissions;
    private final IngestProperties properties;

    SubmissionController(ArticleSubmissions submissions, IngestProperties properties) {
        this.submissions = submissions;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/articles", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SubmissionResult>> submitJson(@RequestBody ArticleSubmission submission,
                                                      @RequestHeader(name = PARTNER_HEADER, required = false) String partner) {
        return submissions.submit(submission, partner, "json").map(SubmissionController::accepted);
    }

    @PostMapping(path = "/api/v1/articles", consumes = {MediaType.TEXT_HTML_VALUE, MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SubmissionResult>> submitPage(@RequestBody(required = false) String page,
                                                      @RequestHeader(name = "Content-Type") MediaType contentType,
                                                      @RequestParam(required = false) String url,
                                                      @RequestParam(required = false) String source,
                                                      @RequestHeader(name = PARTNER_HEADER, required = false) String partner) {
        String text = page == null ? "" : page;
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > properties.maxArticleSize().toBytes()) {
            return Mono.error(new ArticleTooLargeException(bytes, properties.maxArticleSize()));
        }
        boolean html = contentType.isCompatibleWith(MediaType.TEXT_HTML);
        return submissions.submit(ArticleSubmission.page(text, html, url, source), partner, "page")
                .map(SubmissionController::accepted);
    }

    private static ResponseEntity<SubmissionResult> accepted(ArticleSubmissions.Accepted accepted) {
        SubmissionResult result = SubmissionResult.accepted(accepted.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(result.statusUrl())).body(result);
    }
}
