package io.newsflow.enrich.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.RawArticle;
import io.newsflow.enrich.Seeds;
import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.related.StoryLinks;
import io.newsflow.enrich.tags.Tagger;

/**
 * Enriching one seed-sized page, the way the stream function does it but without Kafka: extraction,
 * entities, tags and topics. Related stories are left out (they are a MongoDB round trip, not CPU).
 * Run with {@code ./newsflow bench-enrich}; the score is pages per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx512m"})
public class EnrichmentBenchmark {

    /** The two real seeds (plain text copied from a browser) and an HTML page of the same size. */
    @Param({"seed-000", "seed-004", "html"})
    public String page;

    private ArticleEnrichment enrichment;
    private RawArticle raw;
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void loadPage() {
        EnrichProperties properties = new EnrichProperties(ZoneId.of("Asia/Ho_Chi_Minh"), 30, 40, 15, "articleStatus",
                Duration.ofDays(30), 10, Duration.ofSeconds(10), null);
        enrichment = new ArticleEnrichment(new ArticleExtractor(properties.defaultZone(), properties.maxHeadlineHints()),
                EntityRecognizer.withDefaults(), Tagger.withDefaults(), StoryLinks.none(), properties);
        RawArticle article = switch (page) {
            case "seed-000" -> Seeds.raw(Seeds.CITY_VISIT);
            case "seed-004" -> Seeds.raw(Seeds.MAGAZINE_VISIT);
            case "html" -> new RawArticle(RawArticle.SCHEMA_VERSION, null, 0, "2024-09-12T02:40:00Z", "baomau.example",
                    null, "https://baomau.example/kinh-te/lach-huyen", null, null,
                    resource("/bench/vi-port-expansion.html"), null, null, null, null);
            default -> throw new IllegalArgumentException("unknown page " + page);
        };
        raw = article.identified("bench-" + page, 1);
        // a page that fails to enrich would measure the exception path, not the enrichment
        if (enrichment.enrich(raw, now).body().isEmpty()) {
            throw new IllegalStateException("page " + page + " enriched to an empty body");
        }
    }

    @Benchmark
    public EnrichedArticle enrichOnePage() {
        return enrichment.enrich(raw, now);
    }

    /**
     * Pages per second of thread CPU time, for each page ({@code ./newsflow bench-enrich --cpu-time}): on a
     * machine shared with other work, wall-clock throughput measures the neighbours as much as the code,
     * while CPU time of the enriching thread does not. Warms up for 5 s of the thread's CPU time per page, then
     * prints five 1 s samples.
     */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String name : new String[] {"seed-000", "seed-004", "html"}) {
            EnrichmentBenchmark benchmark = new EnrichmentBenchmark();
            benchmark.page = name;
            benchmark.loadPage();
            // warmed up by the thread's own CPU time: on a loaded machine five wall-clock seconds may be
            // too little work for the JIT to have compiled the hot code
            long warmUpStart = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - warmUpStart < TimeUnit.SECONDS.toNanos(5)) {
                benchmark.enrichOnePage();
            }
            StringBuilder samples = new StringBuilder();
            for (int sample = 0; sample < 5; sample++) {
                long start = threads.getCurrentThreadCpuTime();
                int pages = 0;
                while (threads.getCurrentThreadCpuTime() - start < TimeUnit.SECONDS.toNanos(1)) {
                    benchmark.enrichOnePage();
                    pages++;
                }
                double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                samples.append(String.format(java.util.Locale.ROOT, " %.0f", pages / seconds));
            }
            System.out.println(name + ": pages per CPU-second" + samples);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EnrichmentBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
