package io.newsflow.search.views;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.config.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.live.LiveArticles;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /** Bound as {@code storeArticle-in-0} to the enriched topic, group {@code search-service}. */
    @Bean
    Consumer<EnrichedArticle> storeArticle(ArticleViews views, ArticleIndex index, StreamBridge bridge,
                                           LiveArticles live, SearchProperties properties, MeterRegistry meters) {
        return new ArticleConsumer(views, index, bridge, live, properties, meters);
    }
}
