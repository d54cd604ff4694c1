package io.newsflow.search.live;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.List;

/**
 * Articles as they become searchable, for the live stream. The sink never waits for a
 * subscriber: a client that cannot keep up misses events instead of holding the pipeline back.
 */
@Component
public class LiveArticles {

    private final Sinks.Many<IndexedArticle> sink = Sinks.many().multicast().directBestEffort();

    /** Called by the views consumer; never blocks, drops for slow or absent subscribers. */
    public void publish(IndexedArticle article) {
        sink.tryEmitNext(article);
    }

    Flux<IndexedArticle> articles() {
        return sink.asFlux();
    }

    /** What a live-stream client receives about one newly indexed article. */
    public record IndexedArticle(String id, long revision, String title, String lead, String publishedAt,
                                 String source, String language, List<String> entities, List<String> tags,
                                 String indexedAt) {
    }
}
