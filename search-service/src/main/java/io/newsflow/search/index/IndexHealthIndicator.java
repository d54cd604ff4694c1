package io.newsflow.search.index;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in {@code /actuator/health}: DOWN when the feed of this replica has stopped
 * (it survives a broker outage by retrying, so stopping means the index itself failed).
 */
@Component("searchIndex")
class IndexHealthIndicator implements HealthIndicator {

    private final ArticleIndex index;
    private final ObjectProvider<IndexFeed> feed;

    IndexHealthIndicator(ArticleIndex index, ObjectProvider<IndexFeed> feed) {
        this.index = index;
        this.feed = feed;
    }

    @Override
    public Health health() {
        IndexFeed current = feed.getIfAvailable();
        Health.Builder health = current == null || current.isRunning() ? Health.up() : Health.down();
        health.withDetail("documents", index.documentCount());
        if (current != null) {
            health.withDetail("feedRunning", current.isRunning()).withDetail("caughtUp", current.caughtUp());
        }
        return health.build();
    }
}
