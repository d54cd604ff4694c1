package io.newsflow.ingest.publishing;

/** Kafka did not acknowledge in time; the article was not accepted and the partner may retry. */
public class PublishFailedException extends RuntimeException {

    PublishFailedException(String topic, Throwable cause) {
        super("Kafka did not acknowledge the record on " + topic + ": " + cause.getMessage(), cause);
    }
}
