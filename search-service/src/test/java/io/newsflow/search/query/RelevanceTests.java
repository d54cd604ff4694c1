package io.newsflow.search.query;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.index.ArticleAnalyzers;
import io.newsflow.search.index.ArticleFields;
import io.newsflow.search.index.ArticleIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance of the full ranking against a plain BM25 configuration of the same index (folded
 * title, lead and body only: no bigrams, no exact-spelling bonus, no entity knowledge), over a
 * small corpus and graded judgments written for this test (src/test/resources/relevance).
 */
class RelevanceTests {

    private static final int K = 10;

    @TempDir
    Path directory;

    private ArticleIndex index;
    private ArticleSearch search;
    private Map<String, Map<String, Integer>> judgments;

    @BeforeEach
    void indexCorpus() throws IOException {
        index = new ArticleIndex(directory);
        search = new ArticleSearch(index);
        Map<String, Long> applied = new HashMap<>();
        for (CorpusArticle article : corpus()) {
            index.apply(article.toEnriched(), applied);
        }
        index.publish(applied, Map.of());
        judgments = judgments();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void fullRankingBeatsPlainBm25AndReachesNdcgOfNinetyPercent() throws IOException {
        double fullNdcg = 0;
        double fullRecall = 0;
        double plainNdcg = 0;
        double plainRecall = 0;
        StringBuilder table = new StringBuilder(String.format("%-34s %8s %8s%n", "query", "full", "bm25"));
        for (Map.Entry<String, Map<String, Integer>> judged : judgments.entrySet()) {
            List<String> full = fullRanking(judged.getKey());
            List<String> plain = plainRanking(judged.getKey());
            double queryFull = ndcg(full, judged.getValue());
            double queryPlain = ndcg(plain, judged.getValue());
            fullNdcg += queryFull;
            plainNdcg += queryPlain;
            fullRecall += recall(full, judged.getValue());
            plainRecall += recall(plain, judged.getValue());
            table.append(String.format("%-34s %8.3f %8.3f%n", judged.getKey(), queryFull, queryPlain));
        }
        int queries = judgments.size();
        fullNdcg /= queries;
        plainNdcg /= queries;
        fullRecall /= queries;
        plainRecall /= queries;
        System.out.print(table);
        System.out.printf("RELEVANCE over %d queries: full nDCG@10 %.3f recall@10 %.3f | plain BM25 nDCG@10 %.3f recall@10 %.3f%n",
                queries, fullNdcg, fullRecall, plainNdcg, plainRecall);

        assertThat(queries).isGreaterThanOrEqualTo(40);
        assertThat(fullNdcg).isGreaterThanOrEqualTo(0.90).isGreaterThan(plainNdcg);
        assertThat(fullRecall).isGreaterThanOrEqualTo(plainRecall);
    }

    private List<String> fullRanking(String query) throws IOException {
        SearchRequest request = new SearchRequest(query, List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                false, K, null);
        return search.search(request).items().stream().map(SearchResult.Item::id).toList();
    }

    private List<String> plainRanking(String query) throws IOException {
        BooleanQuery.Builder plain = new BooleanQuery.Builder();
        for (String term : ArticleAnalyzers.terms(index.analyzer(), ArticleFields.TITLE, query)) {
            for (String field : List.of(ArticleFields.TITLE, ArticleFields.LEAD, ArticleFields.BODY)) {
                plain.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }
        Query built = plain.build();
        return index.withSearcher((searcher, facets) -> {
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(built, K).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ArticleFields.ID));
            }
            return ids;
        });
    }

    static double ndcg(List<String> ranking, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            dcg += gain(grades.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recall(List<String> ranking, Map<String, Integer> grades) {
        long found = ranking.stream().limit(K).filter(id -> grades.getOrDefault(id, 0) > 0).count();
        return (double) found / grades.size();
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    private static List<CorpusArticle> corpus() throws IOException {
        try (InputStream in = resource("corpus.json")) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<CorpusArticle>>() { });
        }
    }

    private static Map<String, Map<String, Integer>> judgments() throws IOException {
        Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource("judgments.tsv"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Map<String, Integer> grades = new LinkedHashMap<>();
                for (String judged : columns[1].trim().split("\\s+")) {
                    String[] idGrade = judged.split(":");
                    grades.put(idGrade[0], Integer.parseInt(idGrade[1]));
                }
                judgments.put(columns[0], grades);
            }
        }
        return judgments;
    }

    private static InputStream resource(String name) {
        InputStream in = RelevanceTests.class.getResourceAsStream("/relevance/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource relevance/" + name);
        }
        return in;
    }

    record CorpusArticle(String id, String lang, String source, String publishedAt, String title, String lead,
                         List<String> body, List<CorpusEntity> entities) {

        EnrichedArticle toEnriched() {
            List<EnrichedArticle.Entity> linked = entities.stream()
                    .map(entity -> new EnrichedArticle.Entity(entity.id(), entity.name(),
                            EnrichedArticle.EntityType.valueOf(entity.type()), entity.aliases(), 1, 0.5))
                    .toList();
            return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, 1, "https://" + source + "/" + id, source, lang,
                    title, lead, body, publishedAt, null, null, linked, List.of(), List.of(), List.of(), List.of(), null,
                    null, publishedAt, publishedAt);
        }
    }

    record CorpusEntity(String id, String name, String type, List<String> aliases) {
    }
}
