package io.newsflow.enrich.pipeline;

import java.time.Instant;
import java.util.List;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.RawArticle;
import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.extraction.ExtractedArticle;
import io.newsflow.enrich.related.StoryLinks;
import io.newsflow.enrich.tags.Tagger;

/**
 * The enrichment of one identified raw article, without any messaging: extraction, then entities,
 * then tags and topics, then links to earlier stories. Shared by the stream function and the
 * command line.
 */
public final class ArticleEnrichment {

    private final ArticleExtractor extractor;
    private final EntityRecognizer entities;
    private final Tagger tagger;
    private final StoryLinks stories;
    private final EnrichProperties properties;

    public ArticleEnrichment(ArticleExtractor extractor, EntityRecognizer entities, Tagger tagger, StoryLinks stories,
                             EnrichProperties properties) {
        this.extractor = extractor;
        this.entities = entities;
        this.tagger = tagger;
        this.stories = stories;
        this.properties = properties;
    }

    /**
     * Enriches an article that already carries its id and revision.
     *
     * @throws InvalidArticleException when the article holds no text to enrich
     */
    public EnrichedArticle enrich(RawArticle raw, Instant now) {
        if (!raw.hasContent()) {
            throw new InvalidArticleException("invalid-article: no body, html or text");
        }
        ExtractedArticle article = extractor.extract(raw);
        if (article.body().isEmpty() && article.lead() == null) {
            throw new InvalidArticleException("invalid-article: no article text found in the page");
        }
        String title = article.title() != null ? article.title() : shortened(article.lead());
        List<EnrichedArticle.Entity> found = entities.recognize(article, properties.maxEntities());
        Tagger.Tagging tagging = tagger.tag(article, found, properties.maxTags());
        String url = raw.url() == null || raw.url().isBlank() ? null : ArticleIds.canonicalUrl(raw.url());
        EnrichedArticle draft = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw.id(), raw.revision(), url,
                raw.source(), article.language(), title, article.lead(), article.body(), article.publishedAt(),
                article.section(), article.credit(), found, tagging.tags(), tagging.topics(), List.of(),
                article.headlineHints(), null, null, raw.receivedAt(), now.toString());
        StoryLinks.Links links = stories.link(draft);
        // counted once the article went through, so that a failed enrichment leaves the corpus alone
        tagger.remember(tagging);
        return new EnrichedArticle(draft.schemaVersion(), draft.id(), draft.revision(), draft.url(), draft.source(),
                draft.language(), draft.title(), draft.lead(), draft.body(), draft.publishedAt(), draft.section(),
                draft.credit(), draft.entities(), draft.tags(), draft.topics(), links.related(), draft.headlineHints(),
                links.duplicateOf(), links.storyId(), draft.receivedAt(), draft.enrichedAt());
    }

    private static String shortened(String text) {
        String[] words = text.split("\\s+");
        return words.length <= 20 ? text : String.join(" ", List.of(words).subList(0, 20)) + "…";
    }
}
