package io.newsflow.search.live;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveArticlesTests {

    @Test
    void aSubscriberThatReadsNothingNeverHoldsBackPublishingOrOtherSubscribers() {
        LiveArticles live = new LiveArticles();
        BaseSubscriber<LiveArticles.IndexedArticle> stalled = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // requests nothing, ever: the slowest possible client
            }
        };
        live.articles().subscribe(stalled);

        StepVerifier.create(live.articles().map(LiveArticles.IndexedArticle::id).take(1000))
                .then(() -> {
                    for (int i = 0; i < 1000; i++) {
                        live.publish(article("id-" + i));
                    }
                })
                .expectNextCount(1000)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(stalled.isDisposed()).isFalse();
        stalled.dispose();
    }

    private static LiveArticles.IndexedArticle article(String id) {
        return new LiveArticles.IndexedArticle(id, 1, "title", "lead", null, "source", "vi", List.of(), List.of(), "now");
    }
}
