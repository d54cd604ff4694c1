package io.newsflow.search.views;

import com.mongodb.reactivestreams.client.MongoClient;
import io.newsflow.search.rebuild.GenerationPointer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ViewsConfiguration {

    @Bean
    ArticleViews articleViews(MongoClient client, MongoConnectionDetails connection, GenerationPointer generations) {
        String database = connection.getConnectionString().getDatabase();
        return new ArticleViews(client.getDatabase(database == null ? "newsflow" : database), generations.active());
    }

    /** Indexes exist before the first article arrives; runs on the main thread at startup, not on an event loop. */
    @Bean
    ApplicationRunner viewIndexes(ArticleViews views) {
        return arguments -> views.createIndexes().block(Duration.ofSeconds(30));
    }
}
