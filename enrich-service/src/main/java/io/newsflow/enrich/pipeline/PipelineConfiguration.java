package io.newsflow.enrich.pipeline;

import java.time.Clock;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.related.MongoStoryLinks;
import io.newsflow.enrich.related.StoryLinks;
import io.newsflow.enrich.tags.MongoPhraseStatistics;
import io.newsflow.enrich.tags.PhraseStatistics;
import io.newsflow.enrich.tags.Tagger;

/** The capabilities the stream function delegates to; each loads its data files once. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    private static final String DEFAULT_DATABASE = "newsflow";

    @Bean
    ArticleEnrichment articleEnrichment(EnrichProperties properties, StoryLinks storyLinks,
                                        PhraseStatistics phraseStatistics) {
        return new ArticleEnrichment(new ArticleExtractor(properties.defaultZone(), properties.maxHeadlineHints()),
                EntityRecognizer.withDefaults(), Tagger.withDefaults(phraseStatistics), storyLinks, properties);
    }

    @Bean
    StoryLinks storyLinks(MongoClient mongo, @Value("${newsflow.mongodb.uri}") String uri, EnrichProperties properties,
                          Clock clock) {
        return new MongoStoryLinks(database(mongo, uri), properties.relatedWindow(), properties.maxRelated(),
                properties.storeTimeout(), clock);
    }

    @Bean
    PhraseStatistics phraseStatistics(MongoClient mongo, @Value("${newsflow.mongodb.uri}") String uri,
                                      EnrichProperties properties) {
        return new MongoPhraseStatistics(database(mongo, uri), properties.storeTimeout());
    }

    private static MongoDatabase database(MongoClient mongo, String uri) {
        String database = new ConnectionString(uri).getDatabase();
        return mongo.getDatabase(database == null ? DEFAULT_DATABASE : database);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
