package io.newsflow.ingest.deadletters;

import io.newsflow.contract.Headers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** Keeps every record of {@code newsflow.articles.raw.dlq} and marks its article rejected. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConsumer {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    Consumer<Message<byte[]>> recordDeadLetter(DeadLetters deadLetters) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            String position = headers.get(KafkaHeaders.RECEIVED_PARTITION) + "-" + headers.get(KafkaHeaders.OFFSET);
            deadLetters.keep(position, text(headers.get(KafkaHeaders.RECEIVED_KEY)), message.getPayload(), reason(headers))
                    .block(WRITE_TIMEOUT);
        };
    }

    private static String reason(MessageHeaders headers) {
        String reason = text(headers.get(Headers.DEAD_LETTER_REASON));
        if (reason == null) {
            reason = text(headers.get(Headers.EXCEPTION_MESSAGE));
        }
        return reason == null ? "unknown" : reason;
    }

    private static String text(Object header) {
        if (header instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return header == null ? null : header.toString();
    }
}
