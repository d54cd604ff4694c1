package io.newsflow.enrich.related;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.newsflow.contract.EnrichedArticle;

/**
 * The same related-story and duplicate rules as {@link MongoStoryLinks}, with the signatures kept in
 * this object: for one process that needs no shared or lasting history (evaluations, a batch on the
 * command line). Candidates are chosen as the store chooses them: seen within the window and sharing
 * one of the article's main entities. Synchronised, so it may be shared by threads.
 */
public final class InMemoryStoryLinks implements StoryLinks {

    private record Seen(ArticleSignature signature, Instant at) {
    }

    private final Map<String, Seen> signatures = new LinkedHashMap<>();
    private final Duration window;
    private final int maxRelated;
    private final Clock clock;

    public InMemoryStoryLinks(Duration window, int maxRelated, Clock clock) {
        this.window = window;
        this.maxRelated = maxRelated;
        this.clock = clock;
    }

    @Override
    public synchronized Links link(EnrichedArticle article) {
        ArticleSignature current = ArticleSignature.of(article, article.id());
        Instant now = clock.instant();
        Set<String> probe = new HashSet<>(current.topEntityIds(StoryMatching.PROBE_ENTITIES));
        List<ArticleSignature> candidates = new ArrayList<>();
        for (Seen seen : signatures.values()) {
            boolean recent = !seen.at().isBefore(now.minus(window));
            boolean sharesEntity = seen.signature().entities().keySet().stream().anyMatch(probe::contains);
            if (recent && sharesEntity && !seen.signature().id().equals(current.id())) {
                candidates.add(seen.signature());
            }
        }
        StoryMatching.Match match = StoryMatching.match(current, candidates, maxRelated);
        signatures.put(current.id(), new Seen(match.remembered(), now));
        return match.links();
    }
}
