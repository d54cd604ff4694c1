package io.newsflow.ingest.deadletters;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/admin/dead-letters/replay[?reason=]} for operators (the gateway checks the role). */
@RestController
class ReplayController {

    private final DeadLetters deadLetters;

    ReplayController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @PostMapping("/api/v1/admin/dead-letters/replay")
    Mono<DeadLetters.ReplayResult> replay(@RequestParam(required = false) String reason) {
        return deadLetters.replay(reason);
    }
}
