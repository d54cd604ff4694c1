package io.newsflow.enrich.pipeline;

import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;

/** The {@code newsflow-dead-letter-reason} of a failure: a short code, a colon, a short detail. */
final class DeadLetterReasons {

    private static final int MAX_DETAIL = 200;

    private DeadLetterReasons() {
    }

    static String reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidArticleException invalid) {
                return invalid.reason();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MessageConversionException || cause instanceof DeserializationException
                    || cause instanceof tools.jackson.core.JacksonException) {
                return "invalid-json: the payload is not a raw article JSON document";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return "enrichment-failed: " + (detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
    }

    /** The code part, a low-cardinality metric tag. */
    static String codeOf(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
