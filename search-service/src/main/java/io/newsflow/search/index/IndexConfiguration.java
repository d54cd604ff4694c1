package io.newsflow.search.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.search.config.SearchProperties;
import io.newsflow.search.rebuild.GenerationPointer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(destroyMethod = "close")
    ArticleIndex articleIndex(SearchProperties properties, GenerationPointer generations) {
        return new ArticleIndex(properties, generations.active());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "newsflow.search.feed-enabled", matchIfMissing = true)
    IndexFeed indexFeed(ArticleIndex index, JsonMapper json, SearchProperties properties, MeterRegistry meters,
                        @Value("${newsflow.kafka.bootstrap-servers}") String bootstrapServers,
                        @Value("${newsflow.kafka.max-message-bytes}") int maxMessageBytes) {
        return new IndexFeed(index, json, bootstrapServers, maxMessageBytes, properties, meters);
    }
}
