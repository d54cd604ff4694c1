package io.newsflow.enrich.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.backoff.BackOff;

import io.newsflow.contract.Headers;

/**
 * The container's error handling for bindings with a DLQ: each dead letter carries its reason
 * ({@code newsflow-dead-letter-reason}, also as {@code x-exception-message}); bad input is never
 * retried; other failures are retried with the binding's exponential back-off, then dead-lettered.
 * The binding still declares the DLQ ({@code enable-dlq}, {@code dlq-name}): the binder hands over
 * its destination resolver and the back-off built from the binding's retry settings.
 */
class DeadLetterErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    /** Used when the binding gives no back-off: 3 attempts in all. */
    private static final int DEFAULT_RETRIES = 2;

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final MeterRegistry meters;

    DeadLetterErrorHandling(DefaultKafkaProducerFactory<byte[], byte[]> producers, MeterRegistry meters) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.meters = meters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        if (dlqDestinationResolver == null) {
            return;
        }
        // partition chosen by key (the article id), whatever the partitions of the source topic
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(dlqDestinationResolver.apply(record, exception).topic(), -1));
        recoverer.setHeadersFunction((record, exception) -> {
            String reason = DeadLetterReasons.reasonOf(exception);
            meters.counter("newsflow.enrich.dead.letters", "reason", DeadLetterReasons.codeOf(reason)).increment();
            byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
            return new RecordHeaders(new RecordHeader[] {
                    new RecordHeader(Headers.DEAD_LETTER_REASON, bytes),
                    new RecordHeader(Headers.EXCEPTION_MESSAGE, bytes)});
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                backOff != null ? backOff : new ExponentialBackOffWithMaxRetries(DEFAULT_RETRIES));
        handler.addNotRetryableExceptions(InvalidArticleException.class, MessageConversionException.class,
                DeserializationException.class, tools.jackson.core.JacksonException.class);
        container.setCommonErrorHandler(handler);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
