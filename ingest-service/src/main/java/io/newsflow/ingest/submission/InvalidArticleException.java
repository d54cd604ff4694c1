package io.newsflow.ingest.submission;

import java.util.List;

/** A submission that breaks the contract; answered with 400 and its field problems. */
class InvalidArticleException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidArticleException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid article"));
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
