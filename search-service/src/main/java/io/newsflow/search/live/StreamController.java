package io.newsflow.search.live;

import io.newsflow.contract.text.VietnameseText;
import io.newsflow.search.config.SearchProperties;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Duration;

@RestController
class StreamController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final LiveArticles live;
    private final SearchProperties properties;

    StreamController(LiveArticles live, SearchProperties properties) {
        this.live = live;
        this.properties = properties;
    }

    /** Server-sent events of articles as they are indexed, optionally only those about an entity or tag. */
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@RequestParam(required = false) String entity,
                                         @RequestParam(required = false) String tag) {
        String tagKey = tag == null || tag.isBlank() ? null : VietnameseText.key(tag);
        Flux<ServerSentEvent<Object>> articles = live.articles()
                .filter(article -> entity == null || entity.isBlank() || article.entities().contains(entity))
                .filter(article -> tagKey == null
                        || article.tags().stream().anyMatch(label -> VietnameseText.key(label).equals(tagKey)))
                // a slow client keeps only the newest events and skips ahead
                .onBackpressureBuffer(properties.streamBuffer(), dropped -> { }, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
                .map(article -> ServerSentEvent.<Object>builder(article).id(article.id()).event("article").build());
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<Object>builder().comment("keep-alive").build());
        // the first comment commits the response at once, so a client knows it is subscribed; merge
        // subscribes in order, so the sink is subscribed BEFORE "connected" goes out: an article
        // indexed right after the client saw "connected" is never missed
        return Flux.merge(articles, heartbeats,
                Flux.just(ServerSentEvent.<Object>builder().comment("connected").build()));
    }
}
