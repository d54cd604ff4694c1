package io.newsflow.search.query;

import io.newsflow.contract.text.VietnameseText;
import io.newsflow.search.index.ArticleAnalyzers;
import io.newsflow.search.index.ArticleFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Builds the Lucene query of a search. Matching is on folded syllables (diacritics optional);
 * ranking adds title and lead boosts, syllable bigrams (a name or compound word typed as such
 * ranks first), an exact-diacritics bonus and the entity knowledge of enrichment (a query that
 * is one of an entity's names or aliases finds every article about that entity). Recency breaks ties.
 */
final class ArticleQueries {

    private static final float TITLE_BOOST = 3f;
    private static final float LEAD_BOOST = 1.5f;
    private static final float ENTITY_NAME_BOOST = 1.5f;
    private static final float TITLE_BIGRAM_BOOST = 4f;
    private static final float TEXT_BIGRAM_BOOST = 2f;
    private static final float TITLE_EXACT_BOOST = 1.5f;
    private static final float TEXT_EXACT_BOOST = 0.5f;
    /** Exact spelling weighs this much more when the query carries diacritics: the reader chose them. */
    private static final float MARKED_EXACT_FACTOR = 3f;
    private static final float ENTITY_KEY_BOOST = 6f;
    /** When the query carries diacritics, a name matching only once they are dropped is a weaker hint. */
    private static final float ENTITY_KEY_BOOST_WHEN_MARKED = 1f;
    /** Share of the query's syllables a document must contain when the query is long. */
    private static final double LONG_QUERY_MATCH = 0.75;

    private final Analyzer analyzer;

    ArticleQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The two queries of a search: {@code matching} selects the documents (text and filters) without
     * scoring, for the total, the facets and the set a page is collected from; {@code ranked} orders
     * them. Ranked by relevance, {@code ranked} is a flat disjunction of every scoring clause, which
     * Lucene runs with MaxScore and so skips documents that cannot enter the page; a required clause
     * with optional boosts below it is scored exhaustively. Alone, the disjunction finds more than
     * {@code matching} selects (any one clause is enough), so the search collects the page only from
     * the documents of {@code matching}.
     */
    record Built(Query ranked, Query matching) {
    }

    Built build(SearchRequest request) {
        TextQuery text = request.query() == null ? null : text(request.query(), true);
        Query matching = matching(request, text);
        return new Built(text == null || request.newest() ? matching : text.ranked(), matching);
    }

    /** The matching query alone, without analysing the text for the ranking clauses. */
    Query matching(SearchRequest request) {
        return matching(request, request.query() == null ? null : text(request.query(), false));
    }

    private static Query matching(SearchRequest request, TextQuery text) {
        return new ConstantScoreQuery(withFilters(request, text == null ? new MatchAllDocsQuery() : text.matches()));
    }

    private static Query withFilters(SearchRequest request, Query text) {
        BooleanQuery.Builder root = new BooleanQuery.Builder();
        root.add(text, Occur.MUST);
        request.entities().forEach(id -> root.add(new TermQuery(new Term(ArticleFields.ENTITY, id)), Occur.FILTER));
        request.tags().forEach(tag -> root.add(new TermQuery(new Term(ArticleFields.TAG, VietnameseText.key(tag))), Occur.FILTER));
        request.topics().forEach(code -> root.add(new TermQuery(new Term(ArticleFields.TOPIC, code)), Occur.FILTER));
        addAnyOf(root, ArticleFields.SOURCE, request.sources());
        addAnyOf(root, ArticleFields.LANGUAGE, request.languages());
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from();
            long to = request.to() == null ? Long.MAX_VALUE : request.to() - 1;
            root.add(LongPoint.newRangeQuery(ArticleFields.PUBLISHED, from, to), Occur.FILTER);
        }
        return root.build();
    }

    /** Relevance, then the newest, then the id: a total order, so cursors stay stable. */
    static Sort sort(boolean newest) {
        SortField published = new SortField(ArticleFields.PUBLISHED_SORT, SortField.Type.LONG, true);
        SortField id = new SortField(ArticleFields.ID_SORT, SortField.Type.STRING);
        return newest ? new Sort(published, id) : new Sort(SortField.FIELD_SCORE, published, id);
    }

    /** The order of {@link #sort} on the sort values of collected hits: to merge two pages. */
    static Comparator<FieldDoc> order(boolean newest) {
        int offset = newest ? 0 : 1;
        Comparator<FieldDoc> rest = Comparator
                .comparing((FieldDoc hit) -> (Long) hit.fields[offset], Comparator.reverseOrder())
                .thenComparing(hit -> (BytesRef) hit.fields[offset + 1]);
        return newest ? rest
                : Comparator.comparing((FieldDoc hit) -> (Float) hit.fields[0], Comparator.reverseOrder()).thenComparing(rest);
    }

    /**
     * The text part of a search: what it requires, and every scoring clause as one flat disjunction
     * (the required clauses among them, so a document of {@code matches} scores as if they were
     * required).
     */
    record TextQuery(Query matches, Query ranked) {
    }

    /**
     * The text part; null when the query holds no searchable syllable (only punctuation). Without
     * {@code withRanking}, {@code ranked} is null.
     */
    TextQuery text(String query, boolean withRanking) {
        List<String> syllables = distinct(ArticleAnalyzers.terms(analyzer, ArticleFields.TITLE, query));
        String key = VietnameseText.key(query);
        if (syllables.isEmpty() && key.isEmpty()) {
            return null;
        }
        // required: (most of) the syllables anywhere in the article, or the query naming one of its entities
        BooleanQuery.Builder everySyllable = new BooleanQuery.Builder();
        for (String syllable : syllables) {
            everySyllable.add(new TermQuery(new Term(ArticleFields.ALL, syllable)), Occur.SHOULD);
        }
        int size = syllables.size();
        everySyllable.setMinimumNumberShouldMatch(size <= 2 ? size : (int) Math.ceil(size * LONG_QUERY_MATCH));
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        BooleanQuery.Builder ranked = new BooleanQuery.Builder();
        if (!syllables.isEmpty()) {
            Query all = everySyllable.build();
            matches.add(all, Occur.SHOULD);
            ranked.add(all, Occur.SHOULD);
        }
        String exactKey = ArticleAnalyzers.exactKey(query);
        // typed with marks ("tô làm"): trust them, so "Tô Lâm" the person is not what they asked for
        boolean marked = !exactKey.equals(key);
        if (!key.isEmpty()) {
            Query entityKey = new BoostQuery(new TermQuery(new Term(ArticleFields.ENTITY_KEY, key)),
                    marked ? ENTITY_KEY_BOOST_WHEN_MARKED : ENTITY_KEY_BOOST);
            matches.add(entityKey, Occur.SHOULD);
            ranked.add(entityKey, Occur.SHOULD);
        }
        matches.setMinimumNumberShouldMatch(1);
        if (!withRanking) {
            return new TextQuery(matches.build(), null);
        }
        if (marked && !exactKey.isEmpty()) {
            ranked.add(new BoostQuery(new TermQuery(new Term(ArticleFields.ENTITY_EXACT_KEY, exactKey)), ENTITY_KEY_BOOST), Occur.SHOULD);
        }
        addTerms(ranked, ArticleFields.TITLE, syllables, TITLE_BOOST);
        addTerms(ranked, ArticleFields.LEAD, syllables, LEAD_BOOST);
        addTerms(ranked, ArticleFields.ENTITY_NAMES, syllables, ENTITY_NAME_BOOST);
        // typed with marks, the pairs as spelled count most; typed without, the folded pairs do
        float foldedPairs = marked ? 0.5f : 1f;
        addTerms(ranked, ArticleFields.TITLE_BIGRAMS, ArticleAnalyzers.terms(analyzer, ArticleFields.TITLE_BIGRAMS, query), TITLE_BIGRAM_BOOST * foldedPairs);
        addTerms(ranked, ArticleFields.TEXT_BIGRAMS, ArticleAnalyzers.terms(analyzer, ArticleFields.TEXT_BIGRAMS, query), TEXT_BIGRAM_BOOST * foldedPairs);
        if (marked) {
            addTerms(ranked, ArticleFields.TITLE_EXACT_BIGRAMS, ArticleAnalyzers.terms(analyzer, ArticleFields.TITLE_EXACT_BIGRAMS, query), TITLE_BIGRAM_BOOST);
            addTerms(ranked, ArticleFields.TEXT_EXACT_BIGRAMS, ArticleAnalyzers.terms(analyzer, ArticleFields.TEXT_EXACT_BIGRAMS, query), TEXT_BIGRAM_BOOST);
        }
        float exactFactor = marked ? MARKED_EXACT_FACTOR : 1f;
        addTerms(ranked, ArticleFields.TITLE_EXACT, ArticleAnalyzers.terms(analyzer, ArticleFields.TITLE_EXACT, query), TITLE_EXACT_BOOST * exactFactor);
        addTerms(ranked, ArticleFields.TEXT_EXACT, ArticleAnalyzers.terms(analyzer, ArticleFields.TEXT_EXACT, query), TEXT_EXACT_BOOST * exactFactor);
        return new TextQuery(matches.build(), ranked.build());
    }

    /**
     * What highlights mark: the query's folded syllables in the stored text fields, the only terms of
     * {@link #text} in those fields. Far cheaper for the highlighter than the ranking query, whose
     * every clause it would otherwise evaluate per returned article.
     */
    Query highlight(String query) {
        List<String> syllables = distinct(ArticleAnalyzers.terms(analyzer, ArticleFields.TITLE, query));
        if (syllables.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : List.of(ArticleFields.TITLE, ArticleFields.LEAD, ArticleFields.BODY)) {
            syllables.forEach(syllable -> any.add(new TermQuery(new Term(field, syllable)), Occur.SHOULD));
        }
        return any.build();
    }

    /**
     * Each term its own clause of the ranking disjunction, not a nested disjunction per field: the
     * score is the same sum, and MaxScore can set aside every term whose best score cannot lift a
     * document into the page.
     */
    private static void addTerms(BooleanQuery.Builder ranked, String field, List<String> terms, float boost) {
        distinct(terms).forEach(term -> ranked.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), Occur.SHOULD));
    }

    private static void addAnyOf(BooleanQuery.Builder root, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
        root.add(any.build(), Occur.FILTER);
    }

    private static List<String> distinct(List<String> terms) {
        return new ArrayList<>(new LinkedHashSet<>(terms));
    }
}
