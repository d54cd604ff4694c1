package io.newsflow.enrich.pipeline;

/**
 * A raw article that can never be enriched, whatever the retries: it goes to the dead-letter topic
 * at once with {@link #reason()} as its {@code newsflow-dead-letter-reason}.
 */
class InvalidArticleException extends RuntimeException {

    private final String reason;

    InvalidArticleException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** A short stable code and detail, e.g. {@code invalid-article: no body, html or text}. */
    String reason() {
        return reason;
    }
}
