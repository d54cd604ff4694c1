package io.newsflow.ingest.submission;

import io.newsflow.ingest.publishing.PublishFailedException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Submission failures as RFC 9457 problems. Malformed JSON (400) and unknown content types (415)
 * are answered by Spring's own problem details ({@code spring.webflux.problemdetails.enabled}).
 */
@RestControllerAdvice
class SubmissionProblems {

    private static final String TYPES = "https://newsflow.io/problems/";

    @ExceptionHandler
    ProblemDetail invalidArticle(InvalidArticleException error) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-article", "Invalid article", error.getMessage());
        problem.setProperty("errors", error.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooLarge(ArticleTooLargeException error) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "article-too-large", "Article too large", error.getMessage());
    }

    /** A body bigger than the codec buffer: too large before it could even be read. */
    @ExceptionHandler
    ProblemDetail bufferLimit(DataBufferLimitException error) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "article-too-large", "Article too large", error.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> kafkaUnavailable(PublishFailedException error) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Not accepted, try again",
                error.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
