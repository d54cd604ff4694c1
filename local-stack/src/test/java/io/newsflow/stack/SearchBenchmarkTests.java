package io.newsflow.stack;

import io.newsflow.contract.EnrichedArticle;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SearchBenchmarkTests {

    private final SearchBenchmark benchmark = new SearchBenchmark(SearchBenchmark.Options.defaults(), System.out);

    @Test
    void generatesArticlesFromTheVocabularyWithTheRunTag() {
        EnrichedArticle article = benchmark.article(new Random(7), "benchrunx-12", "benchrunx", 12);

        assertThat(article.id()).isEqualTo("benchrunx-12");
        assertThat(article.title()).isNotBlank();
        assertThat(article.body()).hasSizeBetween(3, 6);
        assertThat(article.entities()).isNotEmpty().allSatisfy(entity -> assertThat(entity.id()).contains(":"));
        assertThat(article.tags()).extracting(EnrichedArticle.Tag::label).contains("benchrunx");
        assertThat(article.topics()).singleElement().satisfies(topic -> assertThat(topic.code()).startsWith("medtop:"));
        assertThat(article.publishedAt()).endsWith("+07:00");
    }

    @Test
    void sameSeedGeneratesTheSameText() {
        EnrichedArticle first = benchmark.article(new Random(3), "a", "t", 0);
        EnrichedArticle second = benchmark.article(new Random(3), "a", "t", 0);

        assertThat(second.title()).isEqualTo(first.title());
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void percentilesUseTheNearestRank() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[99 - i] = i + 1;
        }
        assertThat(SearchBenchmark.percentile(values, 50)).isEqualTo(50);
        assertThat(SearchBenchmark.percentile(values, 99)).isEqualTo(99);
        assertThat(SearchBenchmark.percentile(values, 100)).isEqualTo(100);
        assertThat(SearchBenchmark.median(new double[] {3, 1, 2})).isEqualTo(2);
    }

    @Test
    void placesTheToneOnTheMainVowel() {
        java.util.Map<Character, String> tones = java.util.Map.of('a', "àáảãạ", 'i', "ìíỉĩị", 'y', "ỳýỷỹỵ", 'ơ', "ờớởỡợ",
                'ư', "ừứửữự", 'o', "òóỏõọ", 'ê', "ềếểễệ", 'u', "ùúủũụ");

        assertThat(SearchBenchmark.Vocabulary.toned("ai", 2, tones)).isEqualTo("ái");
        assertThat(SearchBenchmark.Vocabulary.toned("oa", 1, tones)).isEqualTo("oà");
        assertThat(SearchBenchmark.Vocabulary.toned("uy", 3, tones)).isEqualTo("uỷ");
        assertThat(SearchBenchmark.Vocabulary.toned("ương", 5, tones)).isEqualTo("ượng");
        assertThat(SearchBenchmark.Vocabulary.toned("ươi", 4, tones)).isEqualTo("ưỡi");
        assertThat(SearchBenchmark.Vocabulary.toned("uyên", 2, tones)).isEqualTo("uyến");
        assertThat(SearchBenchmark.Vocabulary.toned("an", 0, tones)).isEqualTo("an");
    }

    @Test
    void drawsCommonWordsFarMoreOftenThanRareOnes() {
        SearchBenchmark.Vocabulary vocabulary = SearchBenchmark.Vocabulary.load();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            counts.merge(vocabulary.zipfWord(random), 1, Integer::sum);
        }
        assertThat(counts.getOrDefault(vocabulary.word(0), 0)).isGreaterThan(1000);
        assertThat(counts.getOrDefault(vocabulary.word(20_000), 0)).isLessThan(5);
        assertThat(counts).hasSizeGreaterThan(2000);
    }
}
