package io.newsflow.contract;

/** Kafka header names of the contract. */
public final class Headers {

    /** Version of the payload's schema, e.g. {@code "1"}; absent means {@link RawArticle#SCHEMA_VERSION}. */
    public static final String SCHEMA_VERSION = "newsflow-schema-version";

    /**
     * Why a record was dead-lettered, a short stable code such as {@code invalid-article}; the
     * binder's own {@code x-exception-message} header carries the detail.
     */
    public static final String DEAD_LETTER_REASON = "newsflow-dead-letter-reason";

    /** Spring Cloud Stream's header with the exception message of a dead-lettered record. */
    public static final String EXCEPTION_MESSAGE = "x-exception-message";

    private Headers() {
    }
}
