package io.newsflow.ingest.publishing;

import io.newsflow.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics ingest-service writes to, created at startup when missing (KafkaAdmin), with the
 * platform's record size limit so that large pages fit.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    NewTopic rawArticlesTopic(@Value("${newsflow.kafka.partitions}") int partitions,
                              @Value("${newsflow.kafka.max-message-bytes}") int maxMessageBytes) {
        return TopicBuilder.name(Topics.RAW).partitions(partitions)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes))
                .build();
    }

    @Bean
    NewTopic articleStatusTopic(@Value("${newsflow.kafka.partitions}") int partitions) {
        return TopicBuilder.name(Topics.STATUS).partitions(partitions).build();
    }
}
