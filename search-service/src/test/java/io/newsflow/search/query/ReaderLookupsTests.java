package io.newsflow.search.query;

import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleFields;
import io.newsflow.search.index.ArticleIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderLookupsTests {

    @TempDir
    Path directory;

    /** The ranking query of a search, with and without the reader's term states: the same documents, the same scores. */
    @Test
    void termStatesLookedUpOnceChangeNoScore() throws IOException {
        try (ArticleIndex index = new ArticleIndex(directory)) {
            SampleArticles.indexAll(index, SampleArticles.all());
            ArticleQueries queries = new ArticleQueries(index.analyzer());
            Query ranked = queries.build(new SearchRequest("Hà Nội mưa", List.of(), List.of(), List.of(), List.of(), List.of(),
                    null, null, false, 10, null)).ranked();

            List<String> scored = index.withSearcherOnly((searcher, noFacets) -> {
                ReaderLookups lookups = ReaderLookups.of(searcher);
                Query withStates = lookups.withTermStates(ranked);
                Query again = lookups.withTermStates(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(ArticleFields.ALL, "ha")), BooleanClause.Occur.SHOULD).build());
                // a term met again in this reader is not looked up again
                assertThat(termQueries(again).get(0).getTermStates()).isNotNull()
                        .isSameAs(termQueries(withStates).stream().filter(term -> term.getTerm().equals(new Term(ArticleFields.ALL, "ha")))
                                .findFirst().orElseThrow().getTermStates());
                assertThat(withStates).isEqualTo(ranked);
                return List.of(describe(searcher.search(ranked, 10).scoreDocs), describe(searcher.search(withStates, 10).scoreDocs));
            });

            assertThat(scored.get(0)).isNotEmpty().isEqualTo(scored.get(1));
        }
    }

    private static List<TermQuery> termQueries(Query query) {
        List<TermQuery> found = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query leaf) {
                if (leaf instanceof TermQuery term) {
                    found.add(term);
                }
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (leaf instanceof TermQuery term) {
                    found.add(term);
                }
            }
        });
        return found;
    }

    private static String describe(ScoreDoc[] hits) {
        return Arrays.stream(hits).map(hit -> hit.doc + ":" + hit.score).toList().toString();
    }
}
