package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;

class DeadLetterReasonsTests {

    @Test
    void givesTheInvalidArticleReasonFoundUnderTheListenerWrappers() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new MessagingException("handler failed", new InvalidArticleException("invalid-article: no body, html or text")));

        assertThat(DeadLetterReasons.reasonOf(failure)).isEqualTo("invalid-article: no body, html or text");
        assertThat(DeadLetterReasons.codeOf(DeadLetterReasons.reasonOf(failure))).isEqualTo("invalid-article");
    }

    @Test
    void callsAConversionFailureInvalidJson() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new MessageConversionException("Cannot parse payload"));

        assertThat(DeadLetterReasons.reasonOf(failure)).startsWith("invalid-json:");
    }

    @Test
    void namesTheRootCauseOfOtherFailuresBriefly() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("x".repeat(500)));

        String reason = DeadLetterReasons.reasonOf(failure);

        assertThat(reason).startsWith("enrichment-failed: IllegalStateException: ");
        assertThat(reason.length()).isLessThanOrEqualTo("enrichment-failed: ".length() + 200);
    }
}
