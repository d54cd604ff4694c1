package io.newsflow.enrich.pipeline;

import java.time.Clock;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.related.MongoStoryLinks;
import io.newsflow.enrich.related.StoryLinks;
import io.newsflow.enrich.tags.Tagger;

/** The capabilities the stream function delegates to; each loads its data files once. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    private static final String DEFAULT_DATABASE = "newsflow";

    @Bean
    ArticleEnrichment articleEnrichment(EnrichProperties properties, StoryLinks storyLinks) {
        return new ArticleEnrichment(new ArticleExtractor(properties.defaultZone(), properties.maxHeadlineHints()),
                EntityRecognizer.withDefaults(), Tagger.withDefaults(), storyLinks, properties);
    }

    @Bean
    StoryLinks storyLinks(MongoClient mongo, @Value("${newsflow.mongodb.uri}") String uri, EnrichProperties properties,
                          Clock clock) {
        String database = new ConnectionString(uri).getDatabase();
        return new MongoStoryLinks(mongo.getDatabase(database == null ? DEFAULT_DATABASE : database),
                properties.relatedWindow(), properties.maxRelated(), properties.storeTimeout(), clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
