package io.newsflow.search.rebuild;

import com.mongodb.reactivestreams.client.MongoClient;
import io.newsflow.search.config.SearchProperties;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.IndexFeed;
import io.newsflow.search.views.ArticleViews;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    @Bean
    GenerationPointer generationPointer(MongoClient client, MongoConnectionDetails connection) {
        String database = connection.getConnectionString().getDatabase();
        return new GenerationPointer(client.getDatabase(database == null ? "newsflow" : database));
    }

    @Bean
    ViewsRebuild viewsRebuild(GenerationPointer pointer, ArticleViews views, ArticleIndex index,
                              ObjectProvider<IndexFeed> feed, JsonMapper json, SearchProperties properties,
                              @Value("${newsflow.kafka.bootstrap-servers}") String bootstrapServers,
                              @Value("${newsflow.kafka.max-message-bytes}") int maxMessageBytes) {
        return new ViewsRebuild(pointer, views, index, feed::getIfAvailable, json, properties, bootstrapServers,
                maxMessageBytes);
    }
}
