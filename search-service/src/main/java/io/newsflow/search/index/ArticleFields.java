package io.newsflow.search.index;

/** Field names of the article index, shared by the indexing and the query side. */
public final class ArticleFields {

    public static final String ID = "id";
    public static final String ID_SORT = "id_sort";
    public static final String REVISION = "revision";
    public static final String PUBLISHED = "published";
    public static final String PUBLISHED_SORT = "published_sort";
    public static final String PUBLISHED_AT = "published_at";
    /** The document's place in the order of writes to its index ({@link WriteOrder}). */
    public static final String WRITE_ORDER = "write_order";

    /** Folded text, stored for highlights. */
    public static final String TITLE = "title";
    public static final String LEAD = "lead";
    public static final String BODY = "body";
    /**
     * Title, lead, body and entity names in one folded field: what a query's syllables must match.
     * One term per syllable instead of a disjunction over four fields keeps matching and the base
     * score cheap; the per-field boosts rank on top of it.
     */
    public static final String ALL = "all";
    /** Entity names and every alias, folded. */
    public static final String ENTITY_NAMES = "entity_names";
    /** {@code VietnameseText.key} of each entity name and alias: a whole query equal to an alias finds the entity. */
    public static final String ENTITY_KEY = "entity_key";
    /** The same key with diacritics kept ({@link ArticleAnalyzers#exactKey}): rewards a name typed with its marks. */
    public static final String ENTITY_EXACT_KEY = "entity_exact_key";

    public static final String TITLE_BIGRAMS = "title_bigrams";
    public static final String TEXT_BIGRAMS = "text_bigrams";
    public static final String TITLE_EXACT_BIGRAMS = "title_exact_bigrams";
    public static final String TEXT_EXACT_BIGRAMS = "text_exact_bigrams";
    public static final String TITLE_EXACT = "title_exact";
    public static final String TEXT_EXACT = "text_exact";

    /** Exact-match filters. */
    public static final String ENTITY = "entity";
    public static final String TAG = "tag";
    public static final String TOPIC = "topic";
    public static final String SOURCE = "source";
    public static final String LANGUAGE = "lang";

    /** Facet dimensions (sorted-set doc values); entity and topic values are {@code id|name}. */
    public static final String FACET_ENTITY = "entity";
    public static final String FACET_TAG = "tag";
    public static final String FACET_TOPIC = "topic";
    public static final String FACET_SOURCE = "source";

    private ArticleFields() {
    }
}
