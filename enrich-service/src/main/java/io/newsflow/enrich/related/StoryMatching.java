package io.newsflow.enrich.related;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.newsflow.contract.EnrichedArticle;

/**
 * The decision shared by every store of signatures: which earlier candidates are related, which one
 * the article re-publishes, and which story it joins. Kept apart from the store so that the same
 * rules run against MongoDB in production and in memory where no store is wanted.
 */
final class StoryMatching {

    /**
     * Score from which an earlier article is listed as related. One name shared by two articles
     * whose other people and places differ scores about 0.15: the same official at two events.
     */
    static final double RELATED_THRESHOLD = 0.2;
    /**
     * Score from which two articles are taken to report the same event and share a story id: a report
     * in the other language shares only the names (no phrases), and those of the same event
     * published within days of each other score 0.3 to 0.5.
     */
    static final double SAME_STORY_THRESHOLD = 0.3;
    /** Estimated shingle overlap from which the article re-publishes an earlier one. */
    static final double DUPLICATE_RESEMBLANCE = 0.8;
    /** Main entities of the article by which earlier candidates are looked up. */
    static final int PROBE_ENTITIES = 10;

    /** The links of the article and its signature as it is to be remembered (with its story id). */
    record Match(StoryLinks.Links links, ArticleSignature remembered) {
    }

    private StoryMatching() {
    }

    static Match match(ArticleSignature current, List<ArticleSignature> candidates, int maxRelated) {
        ArticleSignature duplicate = null;
        double bestResemblance = 0;
        List<EnrichedArticle.Related> related = new ArrayList<>();
        ArticleSignature sameStory = null;
        double bestScore = 0;
        for (ArticleSignature earlier : candidates) {
            double resemblance = current.resemblance(earlier);
            if (resemblance >= DUPLICATE_RESEMBLANCE && resemblance > bestResemblance) {
                duplicate = earlier;
                bestResemblance = resemblance;
            }
            RelatedScoring.Score score = RelatedScoring.score(current, earlier);
            if (score.value() >= RELATED_THRESHOLD) {
                related.add(new EnrichedArticle.Related(earlier.id(), earlier.title(), score.value(), score.reasons()));
            }
            if (score.value() >= SAME_STORY_THRESHOLD && score.value() > bestScore) {
                sameStory = earlier;
                bestScore = score.value();
            }
        }
        related.sort(Comparator.comparingDouble(EnrichedArticle.Related::score).reversed()
                .thenComparing(EnrichedArticle.Related::id));
        String storyId = duplicate != null ? duplicate.storyId() : sameStory != null ? sameStory.storyId() : current.id();
        ArticleSignature remembered = current.inStory(storyId);
        StoryLinks.Links links = new StoryLinks.Links(List.copyOf(related.subList(0, Math.min(maxRelated, related.size()))),
                duplicate == null ? null : duplicate.id(), storyId);
        return new Match(links, remembered);
    }
}
