package io.newsflow.search.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Operator endpoints of the views rebuild (the gateway routes {@code /api/v1/admin/views/**} here, operator role). */
@RestController
class RebuildController {

    static final String PATH = "/api/v1/admin/views/rebuild";

    private final ViewsRebuild rebuild;

    RebuildController(ViewsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** 202 with the progress resource of the new rebuild; 409 while another one runs. */
    @PostMapping(PATH)
    Mono<ResponseEntity<ViewsRebuild.Progress>> start() {
        // starting only spawns the rebuild's thread and reads in-memory state: fine on the event loop
        ViewsRebuild.StartResult result = rebuild.start();
        if (!result.started()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Rebuild " + result.progress().id() + " is still running; wait for it to finish.");
            problem.setType(URI.create("https://newsflow.io/problems/rebuild-running"));
            problem.setTitle("Rebuild already running");
            problem.setProperty("rebuildId", result.progress().id());
            problem.setProperty("statusUrl", PATH + "/" + result.progress().id());
            return Mono.error(new ErrorResponseException(HttpStatus.CONFLICT, problem, null));
        }
        return Mono.just(ResponseEntity.accepted().location(URI.create(PATH + "/" + result.progress().id()))
                .body(result.progress()));
    }

    @GetMapping(PATH + "/{id}")
    Mono<ViewsRebuild.Progress> progress(@PathVariable String id) {
        return Mono.justOrEmpty(rebuild.progress(id)).switchIfEmpty(Mono.error(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No rebuild " + id + " is known.");
            problem.setType(URI.create("https://newsflow.io/problems/not-found"));
            problem.setTitle("Not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }));
    }
}
