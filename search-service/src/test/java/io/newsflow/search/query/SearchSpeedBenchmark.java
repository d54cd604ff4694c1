package io.newsflow.search.query;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micro-measurement of one search with facets and highlights over generated articles (20,000 by
 * default, {@code -Dnewsflow.bench.articles=N}). Article text is drawn with a Zipf law from 30,000
 * two-syllable words, so that, as in news, a few words are everywhere and most are rare; queries are
 * mid-frequency words with and without diacritics, an entity name, and a tag filter sorted by date.
 * The median wall-clock and CPU time per search is printed, not asserted (the build machine is
 * shared); the test checks that the searches find what they should. A benchmark, so not part of
 * {@code ./mvnw verify} (its name does not end in Tests); run it with
 * {@code ./mvnw -pl search-service -am test -Dtest=SearchSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Dnewsflow.bench.index=DIR} keeps the generated index in DIR and reuses it on the next run
 * (with the same article count), so that comparing two versions of the query side does not pay for
 * indexing twice.
 */
class SearchSpeedBenchmark {

    private static final int ARTICLES = Integer.getInteger("newsflow.bench.articles", 20_000);
    private static final String KEPT_INDEX = System.getProperty("newsflow.bench.index");
    private static final int SEARCHES = 400;
    private static final int ROUNDS = 5;
    /** The kinds of {@link #queries}, in the order they take turns. */
    private static final String[] KINDS = {"word with diacritics", "word without diacritics", "entity name", "tag, newest first"};
    private static final int WORDS = 30_000;
    private static final String[] ONSETS = "b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x".split(" ");
    private static final String[] RHYMES = ("a à á ả ã ạ an ang anh ao ăn âm âu e ê em en êu i im in inh iêu o ô ơ oa oan "
            + "ong ông ơn u ư ua uân ung ưng ương uyên ai ái ại ươi ưa ất ắc ộc ức").split(" ");
    private static final String[] SOURCES = {"baomau.vn", "tinmau.vn", "examplenews.com", "thoisu.vn"};
    private static final EnrichedArticle.Entity[] ENTITIES = {SampleArticles.HA_NOI, SampleArticles.DA_NANG,
            SampleArticles.HO_CHI_MINH_CITY, SampleArticles.NGUYEN_VAN_NEN, SampleArticles.VIENTIANE};

    @TempDir
    Path directory;

    @Test
    void searchesGeneratedArticlesWithFacetsAndHighlights() throws IOException {
        Random random = new Random(42);
        List<String> words = vocabulary(random);
        double[] cumulative = zipf(words.size());
        try (ArticleIndex index = new ArticleIndex(KEPT_INDEX == null ? directory : Path.of(KEPT_INDEX))) {
            int kept = index.withSearcher((searcher, facets) -> searcher.getIndexReader().numDocs());
            if (kept == 0) {
                long start = System.nanoTime();
                indexGenerated(index, random, words, cumulative, true);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("SearchSpeedBenchmark: indexed %d articles in %.1f s (%.0f articles/s, one thread)%n", ARTICLES,
                        seconds, ARTICLES / seconds);
            } else {
                assertThat(kept).as("the kept index holds as many articles as asked for").isEqualTo(ARTICLES);
                // the articles are drawn all the same, so the queries drawn after them do not change
                indexGenerated(index, random, words, cumulative, false);
            }
            ArticleSearch search = new ArticleSearch(index);
            List<SearchRequest> queries = queries(random, words);
            for (int i = 0; i < 100; i++) {
                search.search(queries.get(i % queries.size())); // warm-up: JIT and the facet state
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] medians = new double[ROUNDS];
            double[] cpuMedians = new double[ROUNDS];
            double[] cpuP90s = new double[ROUNDS];
            double[] cpuMeans = new double[ROUNDS];
            long[][] cpuByKind = new long[KINDS.length][ROUNDS * SEARCHES / KINDS.length];
            long[] foundByKind = new long[KINDS.length];
            long found = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long[] nanos = new long[SEARCHES];
                long[] cpuNanos = new long[SEARCHES];
                for (int i = 0; i < SEARCHES; i++) {
                    long start = System.nanoTime();
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    SearchResult result = search.search(queries.get(i % queries.size()));
                    cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                    nanos[i] = System.nanoTime() - start;
                    if (result.total() > 0) {
                        assertThat(result.items()).isNotEmpty();
                        assertThat(result.facets().sources()).isNotEmpty();
                    }
                    found += result.total();
                    int kind = i % queries.size() % KINDS.length;
                    cpuByKind[kind][(round * SEARCHES + i) / KINDS.length] = cpuNanos[i];
                    foundByKind[kind] += result.total();
                }
                cpuMeans[round] = Arrays.stream(cpuNanos).average().orElse(0) / 1e6;
                Arrays.sort(nanos);
                Arrays.sort(cpuNanos);
                medians[round] = nanos[SEARCHES / 2] / 1e6;
                cpuMedians[round] = cpuNanos[SEARCHES / 2] / 1e6;
                cpuP90s[round] = cpuNanos[SEARCHES * 9 / 10] / 1e6;
            }
            assertThat(found).as("the queries find articles").isPositive();
            Arrays.sort(medians);
            Arrays.sort(cpuMedians);
            Arrays.sort(cpuP90s);
            Arrays.sort(cpuMeans);
            int segments = index.withSearcher((searcher, facets) -> searcher.getIndexReader().leaves().size());
            // CPU time of the searching thread: what a search costs, whatever else the machine runs
            System.out.printf("SearchSpeedBenchmark: %d articles in %d segments, %d rounds of %d searches with facets and"
                            + " highlights (%.0f hits on average); median of the rounds: median %.2f ms wall-clock, CPU median"
                            + " %.2f ms, CPU p90 %.2f ms%n", ARTICLES, segments, ROUNDS, SEARCHES, (double) found / SEARCHES / ROUNDS,
                    medians[ROUNDS / 2], cpuMedians[ROUNDS / 2], cpuP90s[ROUNDS / 2]);
            // the mean is what bounds throughput on a busy machine; the kinds show where it goes
            System.out.printf("SearchSpeedBenchmark: CPU mean %.2f ms (median of the rounds)%n", cpuMeans[ROUNDS / 2]);
            for (int kind = 0; kind < KINDS.length; kind++) {
                long[] cpu = cpuByKind[kind];
                Arrays.sort(cpu);
                System.out.printf("SearchSpeedBenchmark:   %-24s CPU median %.2f ms, p90 %.2f ms, %.0f hits on average%n", KINDS[kind],
                        cpu[cpu.length / 2] / 1e6, cpu[cpu.length * 9 / 10] / 1e6, (double) foundByKind[kind] * KINDS.length / SEARCHES / ROUNDS);
            }
        }
    }

    private static List<String> vocabulary(Random random) {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < WORDS) {
            words.add(syllable(random) + " " + syllable(random));
        }
        return new ArrayList<>(words);
    }

    private static String syllable(Random random) {
        return ONSETS[random.nextInt(ONSETS.length)] + RHYMES[random.nextInt(RHYMES.length)];
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        return cumulative;
    }

    /** Draws the articles; indexes them only when {@code write} (a kept index already holds them). */
    private static void indexGenerated(ArticleIndex index, Random random, List<String> words, double[] cumulative, boolean write)
            throws IOException {
        Map<String, Long> applied = new HashMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            List<String> body = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                body.add(sentence(random, words, cumulative, 40));
            }
            String id = String.format("b%015x", i);
            EnrichedArticle.Entity entity = ENTITIES[i % ENTITIES.length];
            EnrichedArticle article = SampleArticles.article(id, 1, SOURCES[i % SOURCES.length], "vi",
                    sentence(random, words, cumulative, 6) + " " + entity.name(), sentence(random, words, cumulative, 20), body,
                    String.format("2024-%02d-%02dT08:00:00+07:00", 1 + i % 12, 1 + i % 28), List.of(entity),
                    List.of(new EnrichedArticle.Tag(words.get(i % 200), 0.5)),
                    List.of(i % 3 == 0 ? SampleArticles.POLITICS : SampleArticles.WEATHER), List.of());
            if (!write) {
                continue;
            }
            index.apply(article, applied);
            if (i % 5_000 == 4_999) {
                index.publish(applied, Map.of());
                applied.clear();
            }
        }
        if (write) {
            index.publish(applied, Map.of());
        }
    }

    private static String sentence(Random random, List<String> words, double[] cumulative, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            int rank = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            String word = words.get(Math.min(rank >= 0 ? rank : -rank - 1, words.size() - 1));
            text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
        }
        return text.toString().trim() + ".";
    }

    /** What readers send: mid-frequency words, with and without marks, a place name, a tag newest first. */
    private static List<SearchRequest> queries(Random random, List<String> words) {
        List<SearchRequest> queries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String word = words.get(30 + random.nextInt(3_000));
            queries.add(switch (i % KINDS.length) {
                case 0 -> request(word, List.of(), false);
                case 1 -> request(io.newsflow.contract.text.VietnameseText.fold(word), List.of(), false);
                case 2 -> request(ENTITIES[i % ENTITIES.length].name(), List.of(), false);
                default -> request(null, List.of(words.get(random.nextInt(200))), true);
            });
        }
        return queries;
    }

    private static SearchRequest request(String text, List<String> tags, boolean newest) {
        return new SearchRequest(text, List.of(), tags, List.of(), List.of(), List.of(), null, null, newest, 10, null);
    }
}
