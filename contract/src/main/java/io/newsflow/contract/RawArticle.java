package io.newsflow.contract;

/**
 * An article as a partner has it, on {@link Topics#RAW}. Either structured (close to IPTC ninjs:
 * {@code headline}, {@code body}) or a raw page ({@code html} or {@code text}) that enrichment
 * cleans up. At least one of body, html and text is present.
 *
 * @param schemaVersion  contract version of this payload ({@value #SCHEMA_VERSION})
 * @param id             stable article id (see {@link ArticleIds}); partners writing to Kafka may leave it out
 * @param revision       increases with every submission of the same article; views keep the highest
 * @param receivedAt     ISO-8601 instant the platform received it
 * @param source         the outlet or partner, e.g. {@code vov.vn}
 * @param externalId     the partner's own id for the article
 * @param url            canonical URL when known
 * @param headline       structured headline
 * @param body           structured body text, paragraphs separated by blank lines
 * @param html           the whole page as HTML
 * @param text           the whole page as plain text
 * @param publishedAt    the published time as the partner wrote it (ISO-8601 preferred)
 * @param language       BCP 47 language tag when the partner knows it ({@code vi}, {@code en})
 * @param byline         author or credit line
 */
public record RawArticle(
        int schemaVersion,
        String id,
        long revision,
        String receivedAt,
        String source,
        String externalId,
        String url,
        String headline,
        String body,
        String html,
        String text,
        String publishedAt,
        String language,
        String byline) {

    public static final int SCHEMA_VERSION = 1;

    /** True when there is something to enrich: a body, a page or a text. */
    public boolean hasContent() {
        return !isBlank(body) || !isBlank(html) || !isBlank(text);
    }

    /** The same article carrying the given id and revision. */
    public RawArticle identified(String articleId, long articleRevision) {
        return new RawArticle(schemaVersion, articleId, articleRevision, receivedAt, source, externalId, url,
                headline, body, html, text, publishedAt, language, byline);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
