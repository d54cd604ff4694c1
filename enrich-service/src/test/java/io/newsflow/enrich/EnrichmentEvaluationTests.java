package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.pipeline.ArticleEnrichment;
import io.newsflow.enrich.related.InMemoryStoryLinks;
import io.newsflow.enrich.tags.Tagger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures enrichment on the project's own evaluation set ({@code evaluation/articles.jsonl}: short
 * news articles written for this test, Vietnamese and English, grouped into events, with entities
 * shared across events as distractors; {@code evaluation/gold.jsonl}: the entities a reader marks in
 * each article, by canonical id, with the spellings used). The whole set is enriched once, in the
 * order of publication, through the real extraction, recognizer, tagger and related-story rules, and
 * the figures are printed so that a change can be judged by them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichmentEvaluationTests {

    private static final double MIN_ENTITY_F1 = 0.90;
    private static final double MIN_RELATED_PRECISION = 0.85;
    private static final double MIN_RELATED_RECALL = 0.85;

    private record Article(String id, String event, String language, String publishedAt, RawArticle raw,
                           String duplicateOf) {
    }

    private record Mention(String article, String id, String type) implements Comparable<Mention> {
        @Override
        public int compareTo(Mention other) {
            return (article + " " + id + " " + type).compareTo(other.article + " " + other.id + " " + other.type);
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Article> articles = new LinkedHashMap<>();
    private final Map<String, EnrichedArticle> enriched = new LinkedHashMap<>();
    private final Set<Mention> gold = new TreeSet<>();
    private final Map<String, Set<String>> goldAliases = new LinkedHashMap<>();

    @BeforeAll
    void enrichTheWholeSetInOrderOfPublication() throws IOException {
        for (JsonNode line : jsonLines("evaluation/articles.jsonl")) {
            String id = line.get("id").asString();
            RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, 1, line.get("publishedAt").asString(),
                    line.get("source").asString(), id, null, line.get("headline").asString(), line.get("body").asString(),
                    null, null, line.get("publishedAt").asString(), null, null);
            JsonNode duplicateOf = line.get("duplicateOf");
            articles.put(id, new Article(id, line.get("event").asString(), line.get("language").asString(),
                    line.get("publishedAt").asString(), raw, duplicateOf == null || duplicateOf.isNull() ? null : duplicateOf.asString()));
        }
        for (JsonNode line : jsonLines("evaluation/gold.jsonl")) {
            String article = line.get("article").asString();
            for (JsonNode entity : line.get("entities")) {
                gold.add(new Mention(article, entity.get("id").asString(), entity.get("type").asString()));
                for (JsonNode alias : entity.get("aliases")) {
                    goldAliases.computeIfAbsent(article + " " + entity.get("id").asString(), key -> new TreeSet<>())
                            .add(VietnameseText.nfc(alias.asString()));
                }
            }
        }

        EnrichProperties properties = new EnrichProperties(ZoneId.of("Asia/Ho_Chi_Minh"), 30, 40, 15, "articleStatus",
                Duration.ofDays(30), 10, Duration.ofSeconds(10), null);
        Clock clock = Clock.fixed(Instant.parse("2025-11-22T00:00:00Z"), ZoneOffset.UTC);
        ArticleEnrichment enrichment = new ArticleEnrichment(ArticleExtractor.withDefaults(), EntityRecognizer.withDefaults(),
                Tagger.withDefaults(), new InMemoryStoryLinks(Duration.ofDays(30), 10, clock), properties);
        List<Article> chronological = new ArrayList<>(articles.values());
        chronological.sort(Comparator.comparing(article -> OffsetDateTime.parse(article.publishedAt()).toInstant()));
        for (Article article : chronological) {
            enriched.put(article.id(), enrichment.enrich(article.raw(), clock.instant()));
        }
    }

    @Test
    void evaluationSetHasTheShapeTheFiguresNeed() {
        Map<String, Set<String>> events = new LinkedHashMap<>();
        articles.values().forEach(article -> events.computeIfAbsent(article.event(), event -> new TreeSet<>()).add(article.id()));
        assertThat(articles).hasSizeGreaterThanOrEqualTo(40);
        assertThat(articles.values().stream().filter(article -> article.language().equals("en"))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(events).hasSizeGreaterThanOrEqualTo(10);
        assertThat(events.values()).allSatisfy(members -> assertThat(members).hasSizeBetween(2, 6));
        assertThat(gold.stream().map(Mention::article).distinct()).hasSameSizeAs(articles.keySet());
    }

    @Test
    void recognisesTheGoldEntitiesWithAnF1OfAtLeastNinetyPercent() {
        Set<Mention> predicted = new TreeSet<>();
        enriched.forEach((id, article) -> article.entities()
                .forEach(entity -> predicted.add(new Mention(id, entity.id(), entity.type().name()))));
        Set<Mention> correct = new TreeSet<>(predicted);
        correct.retainAll(gold);
        double precision = ratio(correct.size(), predicted.size());
        double recall = ratio(correct.size(), gold.size());
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

        int aliasesFound = 0;
        int aliasesExpected = 0;
        for (Map.Entry<String, Set<String>> expected : goldAliases.entrySet()) {
            String[] key = expected.getKey().split(" ");
            Set<String> written = new HashSet<>();
            enriched.get(key[0]).entities().stream().filter(entity -> entity.id().equals(key[1]))
                    .forEach(entity -> entity.aliases().forEach(alias -> written.add(VietnameseText.nfc(alias))));
            aliasesExpected += expected.getValue().size();
            aliasesFound += (int) expected.getValue().stream().filter(written::contains).count();
            expected.getValue().stream().filter(alias -> !written.contains(alias)).forEach(alias ->
                    System.out.println("[evaluation]   spelling not among the aliases " + expected.getKey() + " \"" + alias + "\""));
        }

        Set<Mention> missed = new TreeSet<>(gold);
        missed.removeAll(predicted);
        Set<Mention> spurious = new TreeSet<>(predicted);
        spurious.removeAll(gold);
        System.out.printf("[evaluation] entities: %d articles, gold %d, predicted %d, correct %d%n", articles.size(),
                gold.size(), predicted.size(), correct.size());
        System.out.printf("[evaluation] entities: precision %.3f recall %.3f F1 %.3f; gold spellings kept as aliases %.3f%n",
                precision, recall, f1, ratio(aliasesFound, aliasesExpected));
        missed.forEach(mention -> System.out.println("[evaluation]   missed   " + mention));
        spurious.forEach(mention -> System.out.println("[evaluation]   spurious " + mention));

        assertThat(f1).as("entity F1 (micro, over article, canonical id, type)").isGreaterThanOrEqualTo(MIN_ENTITY_F1);
    }

    @Test
    void linksReportsOfTheSameEventWithPrecisionAndRecallOfAtLeastEightyFivePercent() {
        Map<String, String> scores = new LinkedHashMap<>();
        enriched.forEach((id, article) -> article.related()
                .forEach(related -> scores.put(pair(id, related.id()), related.score() + " " + related.reasons())));
        Set<String> predicted = new TreeSet<>(scores.keySet());
        Set<String> expected = new TreeSet<>();
        for (Article one : articles.values()) {
            for (Article other : articles.values()) {
                if (one.id().compareTo(other.id()) < 0 && one.event().equals(other.event())) {
                    expected.add(pair(one.id(), other.id()));
                }
            }
        }
        Set<String> correct = new TreeSet<>(predicted);
        correct.retainAll(expected);
        double precision = ratio(correct.size(), predicted.size());
        double recall = ratio(correct.size(), expected.size());

        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(predicted);
        Set<String> wrong = new TreeSet<>(predicted);
        wrong.removeAll(expected);
        System.out.printf("[evaluation] related: gold pairs %d, predicted %d, correct %d; precision %.3f recall %.3f%n",
                expected.size(), predicted.size(), correct.size(), precision, recall);
        Set<String> sameStory = new TreeSet<>();
        for (Article one : articles.values()) {
            for (Article other : articles.values()) {
                if (one.id().compareTo(other.id()) < 0
                        && enriched.get(one.id()).storyId().equals(enriched.get(other.id()).storyId())) {
                    sameStory.add(pair(one.id(), other.id()));
                }
            }
        }
        Set<String> sameStoryCorrect = new TreeSet<>(sameStory);
        sameStoryCorrect.retainAll(expected);
        System.out.printf("[evaluation] stories: %d events, %d story ids; same-story pairs precision %.3f recall %.3f%n",
                articles.values().stream().map(Article::event).distinct().count(),
                enriched.values().stream().map(EnrichedArticle::storyId).distinct().count(),
                ratio(sameStoryCorrect.size(), sameStory.size()), ratio(sameStoryCorrect.size(), expected.size()));
        missed.forEach(pair -> System.out.println("[evaluation]   missed link " + pair));
        wrong.forEach(pair -> System.out.println("[evaluation]   wrong link  " + pair + " " + scores.get(pair)));
        correct.forEach(pair -> System.out.println("[evaluation]   right link  " + pair + " " + scores.get(pair)));

        assertThat(precision).as("related-link precision").isGreaterThanOrEqualTo(MIN_RELATED_PRECISION);
        assertThat(recall).as("related-link recall").isGreaterThanOrEqualTo(MIN_RELATED_RECALL);
    }

    @Test
    void linksEnglishReportsToTheVietnameseReportsOfTheSameEvent() {
        Set<String> events = new TreeSet<>();
        for (Article article : articles.values()) {
            if (!article.language().equals("en")) {
                continue;
            }
            for (EnrichedArticle.Related related : enriched.get(article.id()).related()) {
                Article other = articles.get(related.id());
                if (other.language().equals("vi") && other.event().equals(article.event())) {
                    events.add(article.event());
                }
            }
        }
        System.out.println("[evaluation] events with an English report linked to a Vietnamese one: " + events);
        assertThat(enriched.get("a03").language()).isEqualTo("en");
        assertThat(events).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void marksLightlyEditedRepublicationsAsDuplicatesOfTheOriginalOnly() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>();
        articles.values().forEach(article -> {
            if (article.duplicateOf() != null) {
                expected.put(article.id(), article.duplicateOf());
            }
            String duplicateOf = enriched.get(article.id()).duplicateOf();
            if (duplicateOf != null) {
                found.put(article.id(), duplicateOf);
            }
        });
        System.out.println("[evaluation] duplicates expected " + expected + ", found " + found);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        assertThat(found).isEqualTo(expected);
        expected.forEach((copy, original) ->
                assertThat(enriched.get(copy).storyId()).isEqualTo(enriched.get(original).storyId()));
    }

    private static String pair(String one, String other) {
        return one.compareTo(other) < 0 ? one + "~" + other : other + "~" + one;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private List<JsonNode> jsonLines(String resource) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
        }
        return lines;
    }
}
