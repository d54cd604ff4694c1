package io.newsflow.enrich.related;

import java.util.List;

import io.newsflow.contract.EnrichedArticle;

/** Links a newly enriched article to the articles seen before it. */
public interface StoryLinks {

    /**
     * What links the article to earlier ones.
     *
     * @param related      earlier articles about the same people, places and subjects, best first
     * @param duplicateOf  the earlier article this one re-publishes, if any
     * @param storyId      the id shared by articles about the same event
     */
    record Links(List<EnrichedArticle.Related> related, String duplicateOf, String storyId) {
    }

    /** Links the article (which already has entities and tags) and remembers it for the next ones. */
    Links link(EnrichedArticle article);

    /** No memory of earlier articles (the command line): nothing related, its own story. */
    static StoryLinks none() {
        return article -> new Links(List.of(), null, article.id());
    }
}
