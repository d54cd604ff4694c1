package io.newsflow.contract;

import java.util.List;

/**
 * An article after enrichment, on {@link Topics#ENRICHED} (compacted, keyed by id). Field names
 * follow the public article resource of the API.
 *
 * @param schemaVersion  contract version of this payload ({@value #SCHEMA_VERSION})
 * @param id             stable article id
 * @param revision       revision of the raw article this was made from
 * @param url            canonical URL, when known
 * @param source         the outlet or partner
 * @param language       {@code vi} or {@code en}
 * @param title          clean title
 * @param lead           the lead (sapo): first paragraph or the page's own summary
 * @param body           body paragraphs, boilerplate removed
 * @param publishedAt    ISO-8601 with its offset, e.g. {@code 2022-05-26T17:02:00+07:00}; null when unknown
 * @param section        section breadcrumb, e.g. {@code Chính trị - Xã hội}
 * @param credit         credit line, e.g. {@code Theo VOV}
 * @param entities       named entities linked to canonical ids
 * @param tags           key phrases with scores
 * @param topics         IPTC Media Topics top-level categories
 * @param related        earlier articles this one relates to, best first
 * @param headlineHints  headlines listed on the page ("Tin bài liên quan"…), kept as hints, never as body
 * @param duplicateOf    id of the article this one re-publishes, if any
 * @param storyId        id shared by articles about the same event
 * @param receivedAt     ISO-8601 instant the platform received the raw article
 * @param enrichedAt     ISO-8601 instant enrichment finished
 */
public record EnrichedArticle(
        int schemaVersion,
        String id,
        long revision,
        String url,
        String source,
        String language,
        String title,
        String lead,
        List<String> body,
        String publishedAt,
        String section,
        String credit,
        List<Entity> entities,
        List<Tag> tags,
        List<Topic> topics,
        List<Related> related,
        List<String> headlineHints,
        String duplicateOf,
        String storyId,
        String receivedAt,
        String enrichedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Entity types of the contract. */
    public enum EntityType { PERSON, LOCATION, ORGANIZATION }

    /**
     * A named entity of the article.
     *
     * @param id        canonical id, e.g. {@code loc:ho-chi-minh-city}
     * @param name      canonical name
     * @param type      person, location or organisation
     * @param aliases   every known way to write it (knowledge base and the forms seen in this article)
     * @param mentions  how many times the article mentions it
     * @param salience  0..1, how central it is to the article
     */
    public record Entity(String id, String name, EntityType type, List<String> aliases, int mentions,
                         double salience) {
    }

    /** A key phrase with its score (0..1). */
    public record Tag(String label, double score) {
    }

    /** An IPTC Media Topics category: code such as {@code medtop:11000000} and its Vietnamese label. */
    public record Topic(String code, String label) {
    }

    /** A link to an earlier article with its score (0..1) and the reasons, e.g. {@code entity:Lào}. */
    public record Related(String id, String title, double score, List<String> reasons) {
    }
}
