package io.newsflow.contract;

/**
 * Kafka topic names. Every record on them is keyed by the article id, so all versions of one
 * article land on one partition, in order.
 */
public final class Topics {

    /** Raw articles as partners have them (structured or a whole page); payload {@link RawArticle}. */
    public static final String RAW = "newsflow.articles.raw";

    /** Raw articles that could not be enriched, with the reason in {@link Headers#DEAD_LETTER_REASON}. */
    public static final String RAW_DEAD_LETTERS = "newsflow.articles.raw.dlq";

    /** Enriched articles, compacted: the replayable source of truth for every view; payload {@link EnrichedArticle}. */
    public static final String ENRICHED = "newsflow.articles.enriched";

    /** What happened to each article (accepted, enriched, indexed, rejected); payload {@link ArticleStatus}. */
    public static final String STATUS = "newsflow.articles.status";

    private Topics() {
    }
}
