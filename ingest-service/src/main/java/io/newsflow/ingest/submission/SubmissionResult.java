package io.newsflow.ingest.submission;

import java.util.List;

/**
 * The answer to one submission: {@code { id, status: "accepted", statusUrl }}, or in a batch
 * {@code { line, status: "rejected", error: { status, title, detail, errors } }}.
 */
record SubmissionResult(Integer line, String id, String status, String statusUrl, LineError error) {

    static SubmissionResult accepted(String id) {
        return new SubmissionResult(null, id, "accepted", "/api/v1/articles/" + id + "/status", null);
    }

    SubmissionResult atLine(int number) {
        return new SubmissionResult(number, id, status, statusUrl, error);
    }

    static SubmissionResult rejected(int line, int httpStatus, String title, String detail, List<FieldProblem> errors) {
        return new SubmissionResult(line, null, "rejected", null, new LineError(httpStatus, title, detail, errors));
    }

    /** The problem of one batch line, shaped like a problem+json body. */
    record LineError(int status, String title, String detail, List<FieldProblem> errors) {
    }
}
