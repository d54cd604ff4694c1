package io.newsflow.ingest.status;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** {@code GET /api/v1/articles/{id}/status}: what happened to an article. */
@RestController
class StatusController {

    private final ReceiptStore receipts;

    StatusController(ReceiptStore receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/articles/{id}/status")
    Mono<Receipt> status(@PathVariable String id,
                         @RequestHeader(name = "X-Newsflow-Partner", required = false) String partner) {
        return receipts.find(id)
                // a partner sees only its own articles; another partner's article looks unknown
                .filter(receipt -> partner == null || receipt.partner() == null || receipt.partner().equals(partner))
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no article with id " + id);
        problem.setType(URI.create("https://newsflow.io/problems/unknown-article"));
        problem.setTitle("Unknown article");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
