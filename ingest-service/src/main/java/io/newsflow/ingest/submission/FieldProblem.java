package io.newsflow.ingest.submission;

/** One field problem of a rejected submission, the {@code errors[]} items of the problem body. */
record FieldProblem(String field, String message) {
}
