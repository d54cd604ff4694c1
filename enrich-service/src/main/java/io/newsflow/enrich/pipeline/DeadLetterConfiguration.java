package io.newsflow.enrich.pipeline;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Retries and dead letters in the listener container rather than in the binding (see
 * {@link DeadLetterErrorHandling}), with a producer of its own that sends the failed record's bytes
 * unchanged.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterErrorHandling deadLetterErrorHandling(
            @Value("${newsflow.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${newsflow.kafka.max-message-bytes}") int maxMessageBytes,
            MeterRegistry meters) {
        // not a ProducerFactory bean: Boot's KafkaTemplate keeps its own factory and serializers
        DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes));
        return new DeadLetterErrorHandling(producers, meters);
    }
}
