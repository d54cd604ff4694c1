package io.newsflow.stack;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;

/**
 * {@code ./newsflow bench-search}: a latency benchmark of search against a running stack (not a
 * test). It publishes generated enriched articles straight to the enriched topic, measures how
 * long they take to become searchable, then runs searches with facets at 1, 8 and 32 concurrent
 * readers for a fixed time each, directly against search-service and through the gateway, and
 * prints p50/p99 of each configuration (the median over the runs), the index size and the
 * search-service's memory. Everything stays on loopback; every loop is bounded by a count or a
 * deadline.
 */
final class SearchBenchmark {

    static final String VOCABULARY = "bench/search-benchmark.txt";
    private static final int[] READERS = {1, 8, 32};
    private static final int PROBES = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final String RESULT_CACHE_HITS = "cache_gets_total";
    private static final String REFRESHED = "newsflow_search_results_refreshed_total";
    private static final String[] REFRESH_OUTCOMES = {"kept", "extended", "matched-new", "lost-match"};
    private static final int MAX_SAMPLES_PER_READER = 2_000_000;
    private static final Pattern PROMETHEUS_LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private final Options options;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Articles the live feed has published over all measurements, so that each has its own id. */
    private final AtomicInteger liveArticles = new AtomicInteger();
    private final Vocabulary vocabulary = Vocabulary.load();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // every reader of a measurement shares this one event loop; one kept-alive connection per reader.
    // A reader asks for its connection again before the pool has it back, so each search waits in
    // the pool's queue for an instant; without a time limit on that wait, no timer is set on
    // another thread for each search. The answer's own time limit runs on the event loop's timer
    // for the same reason: with Reactor's timeout operator and the pool's timer, scheduler threads
    // were woken twice a search, a tenth of the load generator's CPU.
    private final LoopResources readerEventLoop = LoopResources.create("bench-readers", 1, true);
    private final ConnectionProvider readerConnections = ConnectionProvider.builder("bench-readers")
            .maxConnections(READERS[READERS.length - 1]).pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(Duration.ZERO).build();
    private final reactor.netty.http.client.HttpClient readersClient =
            reactor.netty.http.client.HttpClient.create(readerConnections).runOn(readerEventLoop)
                    .responseTimeout(Duration.ofSeconds(10));

    SearchBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** What {@code bench-search} can be told; defaults are the local stack's. */
    record Options(int articles, int runs, Duration phase, int queryShapes, int liveRate, String gatewayUrl, String searchUrl,
                   String kafka, Duration searchableTimeout, Duration viewsTimeout, long seed) {

        static Options defaults() {
            return new Options(100_000, 3, Duration.ofSeconds(10), 1_000, 0, "http://127.0.0.1:8080", "http://127.0.0.1:8083",
                    "127.0.0.1:9092", Duration.ofMinutes(20), Duration.ofMinutes(10), 42);
        }
    }

    /** Runs the whole benchmark; returns 0 when every configuration answered without errors. */
    int run() throws InterruptedException {
        try {
            return ingestAndMeasure();
        } finally {
            readerConnections.dispose();
            readerEventLoop.dispose();
        }
    }

    private int ingestAndMeasure() throws InterruptedException {
        String runTag = "benchrun" + Long.toString(System.currentTimeMillis(), 36);
        out.printf("bench-search: %d articles (tag '%s'), %d runs of %d s per configuration%n", options.articles(),
                runTag, options.runs(), options.phase().toSeconds());
        out.printf("  search-service %s, gateway %s, Kafka %s%n%n", options.searchUrl(), options.gatewayUrl(), options.kafka());
        requireUp(options.searchUrl());
        requireUp(options.gatewayUrl());

        double viewsIndexedBefore = metric(options.searchUrl(), "newsflow_search_indexed_total", "outcome=\"indexed\"");
        Ingest ingest = ingest(runTag);
        out.println("Ingest to searchable (published straight to " + Topics.ENRICHED + ")");
        out.printf(Locale.ROOT, "  published %d in %.1f s (%.0f/s, acks=all)%n", options.articles(), ingest.publishSeconds,
                options.articles() / ingest.publishSeconds);
        out.printf(Locale.ROOT, "  searchable: 50%% after %.1f s, 90%% after %.1f s, 100%% after %.1f s (%.0f articles/s end to end)%n",
                ingest.half, ingest.ninety, ingest.all, options.articles() / ingest.all);
        boolean viewsCaughtUp = awaitViews(viewsIndexedBefore, options.articles());
        double[] probes = probeFreshness(runTag);
        out.printf(Locale.ROOT, "  one article at a time (%d probes, %s): published → searchable p50 %.0f ms, max %.0f ms%n",
                probes.length, viewsCaughtUp ? "idle pipeline" : "views still catching up", percentile(probes, 50),
                percentile(probes, 100));
        out.println();

        List<Query> queries = queries(new Random(options.seed()));
        if (options.liveRate() > 0) {
            out.printf("While readers search, %d new articles a second arrive on %s (each refresh of the index is a new reader)%n%n",
                    options.liveRate(), Topics.ENRICHED);
        }
        // the JIT of both services and the connection pools first; figures of the warm-up are not kept.
        // The C2 compiler of each service works for tens of seconds on a 2-core machine, taking a core.
        measure(options.searchUrl(), 8, WARM_UP, queries, runTag);
        measure(options.gatewayUrl(), 8, WARM_UP, queries, runTag);

        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (int run = 1; run <= options.runs(); run++) {
            for (String target : List.of("direct", "gateway")) {
                String base = target.equals("direct") ? options.searchUrl() : options.gatewayUrl();
                for (int readers : READERS) {
                    Result result = measure(base, readers, options.phase(), queries, runTag);
                    results.computeIfAbsent(target + " " + readers, key -> new ArrayList<>()).add(result);
                    out.printf(Locale.ROOT, "  run %d %-8s %2d readers: p50 %6.2f ms  p99 %6.2f ms  %7.0f req/s  %d errors"
                                    + "  result cache hits %3.0f%%%s%n", run, target, readers, result.p50, result.p99,
                            result.throughput, result.errors, result.cacheHitRatio * 100, options.liveRate() == 0 ? ""
                                    : String.format(Locale.ROOT, "; %d articles arrived; cached answers at refreshes: %.0f kept,"
                                            + " %.0f extended with new matches, %.0f recomputed (new matches not added),"
                                            + " %.0f recomputed (lost a match)", result.arrived, result.refreshed[0],
                                    result.refreshed[1], result.refreshed[2], result.refreshed[3]));
                }
            }
        }
        out.println();
        out.printf("Search with facets, median of %d runs of %d s (limit=10, four facets, %d query shapes, Zipf popularity%s)%n",
                options.runs(), options.phase().toSeconds(), queries.size(),
                options.liveRate() > 0 ? ", " + options.liveRate() + " new articles/s" : "");
        out.printf("  %-9s %8s %10s %10s %10s %8s %11s%n", "target", "readers", "p50 ms", "p99 ms", "req/s", "errors", "cache hits");
        long errors = 0;
        for (Map.Entry<String, List<Result>> entry : results.entrySet()) {
            List<Result> runs = entry.getValue();
            String[] key = entry.getKey().split(" ");
            long configurationErrors = runs.stream().mapToLong(Result::errors).sum();
            errors += configurationErrors;
            out.printf(Locale.ROOT, "  %-9s %8s %10.2f %10.2f %10.0f %8d %10.0f%%%n", key[0], key[1],
                    median(runs.stream().mapToDouble(Result::p50).toArray()),
                    median(runs.stream().mapToDouble(Result::p99).toArray()),
                    median(runs.stream().mapToDouble(Result::throughput).toArray()), configurationErrors,
                    median(runs.stream().mapToDouble(Result::cacheHitRatio).toArray()) * 100);
        }
        out.println();
        printFootprint();
        if (errors > 0) {
            out.println("Some requests failed. A 429 means the gateway's rate limit: start the stack with e.g."
                    + " NEWSFLOW_GATEWAY_RATE_LIMIT_CAPACITY=1000000 ./newsflow up");
        }
        return errors == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- ingest

    private record Ingest(double publishSeconds, double half, double ninety, double all) {
    }

    private Ingest ingest(String runTag) throws InterruptedException {
        Random random = new Random(options.seed());
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < options.articles(); i++) {
                EnrichedArticle article = article(random, runTag + "-" + i, runTag, i);
                producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id().getBytes(StandardCharsets.UTF_8),
                        json.writeValueAsBytes(article)));
            }
            producer.flush();
        }
        double published = seconds(System.nanoTime() - start);
        double half = -1;
        double ninety = -1;
        long deadline = System.nanoTime() + options.searchableTimeout().toNanos();
        long found = 0;
        while (System.nanoTime() < deadline) {
            found = countTagged(runTag);
            double elapsed = seconds(System.nanoTime() - start);
            if (half < 0 && found * 2 >= options.articles()) {
                half = elapsed;
            }
            if (ninety < 0 && found * 10 >= options.articles() * 9L) {
                ninety = elapsed;
            }
            if (found >= options.articles()) {
                return new Ingest(published, half, ninety, elapsed);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("only " + found + " of " + options.articles() + " articles searchable after "
                + options.searchableTimeout());
    }

    /** Single articles on a quiet pipeline: from the producer's acknowledgement to the first search that finds it. */
    private double[] probeFreshness(String runTag) throws InterruptedException {
        double[] latencies = new double[PROBES];
        Random random = new Random(options.seed() + 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < PROBES; i++) {
                String probeTag = runTag + "probe" + i;
                EnrichedArticle article = article(random, probeTag, probeTag, i);
                long start = System.nanoTime();
                try {
                    producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id().getBytes(StandardCharsets.UTF_8),
                            json.writeValueAsBytes(article))).get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("probe not published: " + e, e);
                }
                long deadline = start + Duration.ofSeconds(30).toNanos();
                while (countTagged(probeTag) < 1) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("probe " + i + " not searchable after 30 s");
                    }
                    Thread.sleep(5);
                }
                latencies[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return latencies;
    }

    /** The views consumer stores each article in MongoDB beside the index: measure while it is idle, not while it catches up. */
    private boolean awaitViews(double indexedBefore, int expected) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.viewsTimeout().toNanos();
        double stored = 0;
        while (System.nanoTime() < deadline) {
            stored = metric(options.searchUrl(), "newsflow_search_indexed_total", "outcome=\"indexed\"") - indexedBefore;
            if (stored >= expected) {
                out.printf(Locale.ROOT, "  views (MongoDB) and INDEXED statuses caught up %.1f s after the index%n",
                        seconds(System.nanoTime() - start));
                return true;
            }
            Thread.sleep(1000);
        }
        out.printf(Locale.ROOT, "  views (MongoDB) still behind after %s: %.0f of %d stored; latency below is measured while they catch up%n",
                options.viewsTimeout(), stored, expected);
        return false;
    }

    private long countTagged(String tag) {
        JsonNode body = getJson(options.searchUrl() + "/api/v1/search?limit=1&tag=" + encode(tag));
        return body.path("total").asLong();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-bench-search");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** A generated article: Vietnamese-like sentences, two or three entities, tags and a topic from the vocabulary. */
    EnrichedArticle article(Random random, String id, String runTag, int index) {
        List<EnrichedArticle.Entity> entities = new ArrayList<>();
        int entityCount = 1 + random.nextInt(3);
        for (int e = 0; e < entityCount; e++) {
            Vocabulary.EntityEntry entry = vocabulary.entities.get(random.nextInt(vocabulary.entities.size()));
            if (entities.stream().noneMatch(known -> known.id().equals(entry.id()))) {
                entities.add(new EnrichedArticle.Entity(entry.id(), entry.name(), entry.type(), entry.aliases(),
                        1 + random.nextInt(4), Math.round(random.nextDouble() * 100) / 100.0));
            }
        }
        List<EnrichedArticle.Tag> tags = new ArrayList<>();
        tags.add(new EnrichedArticle.Tag(vocabulary.tags.get(random.nextInt(vocabulary.tags.size())), 0.8));
        if (random.nextBoolean()) {
            String second = vocabulary.tags.get(random.nextInt(vocabulary.tags.size()));
            if (!second.equals(tags.get(0).label())) {
                tags.add(new EnrichedArticle.Tag(second, 0.5));
            }
        }
        tags.add(new EnrichedArticle.Tag(runTag, 0.1));
        String[] topic = vocabulary.topics.get(random.nextInt(vocabulary.topics.size()));
        String source = vocabulary.sources.get(random.nextInt(vocabulary.sources.size()));
        String name = entities.get(0).name();
        String title = capitalize(sentence(random, 3 + random.nextInt(4)) + " tại " + name);
        String lead = capitalize(name + " " + sentence(random, 12 + random.nextInt(8))) + ".";
        List<String> body = new ArrayList<>();
        int paragraphs = 3 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            String mention = entities.get(random.nextInt(entities.size())).name();
            body.add(capitalize(sentence(random, 15 + random.nextInt(15))) + ", " + mention + " "
                    + sentence(random, 8 + random.nextInt(12)) + ".");
        }
        Instant now = Instant.now();
        // spread over the last 30 days, so that date filters and newest-first sorting have work to do
        String published = now.minusSeconds((long) index * 7919 % (30L * 86_400)).atOffset(java.time.ZoneOffset.ofHours(7)).toString();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, 1, "https://" + source + "/bench/" + id + ".html",
                source, "vi", title, lead, body, published, "Thời sự", "Theo " + source, entities, tags,
                List.of(new EnrichedArticle.Topic(topic[0], topic[1])), List.of(), List.of(), null, null, now.toString(),
                now.toString());
    }

    /** {@code count} words drawn with the vocabulary's Zipf law. */
    private String sentence(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(vocabulary.zipfWord(random));
        }
        return text.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    // ---------------------------------------------------------------- latency

    private record Query(String pathAndQuery) {
    }

    /**
     * Query shapes a reader app sends: words with and without diacritics, aliases, filters, newest
     * first; all with facets. Readers pick them with a Zipf law over their rank, as in a news site's
     * query log: a few searches (a name in the news) recur all the time, most are rare. That is what
     * search-service's result cache meets; its hit ratio is printed with each figure.
     */
    private List<Query> queries(Random random) {
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < options.queryShapes(); i++) {
            // what readers look for: content words, neither the commonest nor the rarest
            String words = vocabulary.word(30 + random.nextInt(3000));
            Vocabulary.EntityEntry entity = vocabulary.entities.get(random.nextInt(vocabulary.entities.size()));
            String tag = vocabulary.tags.get(random.nextInt(vocabulary.tags.size()));
            String q = switch (i % 5) {
                case 0 -> "q=" + encode(words + (random.nextBoolean() ? " " + vocabulary.word(30 + random.nextInt(3000)) : ""));
                case 1 -> "q=" + encode(io.newsflow.contract.text.VietnameseText.fold(words));
                case 2 -> "q=" + encode(entity.aliases().get(random.nextInt(entity.aliases().size())));
                case 3 -> "q=" + encode(words) + "&entity=" + encode(entity.id());
                default -> "tag=" + encode(tag) + "&sort=newest&lang=vi";
            };
            queries.add(new Query("/api/v1/search?limit=10&" + q));
        }
        return queries;
    }

    private record Result(double p50, double p99, double throughput, long errors, double cacheHitRatio, double[] refreshed,
                          long arrived) {
    }

    /** What became of cached answers at refreshes, in the order of {@link #REFRESH_OUTCOMES}. */
    private double[] refreshedAnswers() {
        return Arrays.stream(REFRESH_OUTCOMES)
                .mapToDouble(outcome -> metric(options.searchUrl(), REFRESHED, "outcome=\"" + outcome + "\""))
                .toArray();
    }

    private static double[] difference(double[] after, double[] before) {
        double[] difference = new double[after.length];
        Arrays.setAll(difference, i -> after[i] - before[i]);
        return difference;
    }

    /**
     * {@code readers} closed loops (each sends its next search when the last answer has been read
     * in full) for the given time. The loops share one event loop and a pool of kept-alive
     * connections instead of a thread each: on a 2-core machine, 32 client threads would take
     * the cores of the services being measured and queue behind each other in the scheduler.
     */
    private Result measure(String base, int readers, Duration duration, List<Query> queries, String runTag) {
        double[] popularity = zipfCumulative(queries.size());
        double hitsBefore = cacheGets("hit");
        double missesBefore = cacheGets("miss");
        double[] refreshedBefore = refreshedAnswers();
        AtomicLong errors = new AtomicLong();
        reactor.netty.http.client.HttpClient client = readersClient.baseUrl(base);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        LiveFeed feed = options.liveRate() > 0 ? new LiveFeed(runTag, end) : null;
        List<Samples> samples;
        try {
            samples = Flux.range(0, readers)
                    .flatMap(reader -> readerLoop(client, new Random(options.seed() * 31 + reader), queries, popularity, end, errors),
                            readers)
                    .collectList()
                    .block(duration.plusSeconds(30));
        } finally {
            if (feed != null) {
                feed.awaitEnd();
            }
        }
        double elapsed = seconds(System.nanoTime() - start);
        double[] all = samples.stream().flatMapToDouble(Samples::millis).sorted().toArray();
        double hits = cacheGets("hit") - hitsBefore;
        double lookups = hits + cacheGets("miss") - missesBefore;
        return new Result(percentile(all, 50), percentile(all, 99), all.length / elapsed, errors.get(),
                lookups == 0 ? 0 : hits / lookups, difference(refreshedAnswers(), refreshedBefore),
                feed == null ? 0 : feed.published.get());
    }

    /**
     * New articles at {@code liveRate} a second on their own thread until the measurement's end: a
     * news feed does not pause while readers search, and each refresh it causes opens a new reader.
     */
    private final class LiveFeed {

        private final AtomicLong published = new AtomicLong();
        private final Thread thread;

        LiveFeed(String runTag, long end) {
            thread = new Thread(() -> publishUntil(runTag, end), "bench-live-feed");
            thread.setDaemon(true);
            thread.start();
        }

        private void publishUntil(String runTag, long end) {
            Random random = new Random(options.seed() + 2);
            long interval = 1_000_000_000L / options.liveRate();
            long next = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                while (next < end) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int index = liveArticles.getAndIncrement();
                    EnrichedArticle article = article(random, runTag + "-live-" + index, runTag, index);
                    producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id().getBytes(StandardCharsets.UTF_8),
                            json.writeValueAsBytes(article)));
                    published.incrementAndGet();
                    next += interval;
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        /** Returns once the feed has published its last article (at the measurement's end). */
        void awaitEnd() {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Mono<Samples> readerLoop(reactor.netty.http.client.HttpClient client, Random picks, List<Query> queries,
                                     double[] popularity, long end, AtomicLong errors) {
        Samples samples = new Samples();
        return Mono.defer(() -> {
                    Query query = queries.get(zipfRank(picks, popularity));
                    long sent = System.nanoTime();
                    return client.get().uri(query.pathAndQuery())
                            // the body is read to its end and let go as it comes, not copied: no one looks at it
                            .response((response, body) -> body.then(Mono.just(response.status().code())))
                            .next()
                            .doOnNext(status -> {
                                if (status == 200) {
                                    samples.add(System.nanoTime() - sent);
                                } else {
                                    errors.incrementAndGet();
                                }
                            })
                            .onErrorResume(error -> {
                                errors.incrementAndGet();
                                return Mono.empty();
                            });
                })
                .repeat(() -> System.nanoTime() < end && samples.count < MAX_SAMPLES_PER_READER)
                .then(Mono.just(samples));
    }

    /** One reader's latencies in nanoseconds; its requests run one after another, never at once. */
    private static final class Samples {
        private long[] nanos = new long[4096];
        private int count;

        void add(long took) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[count++] = took;
        }

        DoubleStream millis() {
            return Arrays.stream(nanos, 0, count).mapToDouble(took -> took / 1e6);
        }
    }

    /** Lookups of search-service's result cache so far with this outcome (0 when it is off). */
    private double cacheGets(String outcome) {
        return metric(options.searchUrl(), RESULT_CACHE_HITS, "cache=\"newsflow.search.results\"", "result=\"" + outcome + "\"");
    }

    private static double[] zipfCumulative(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        return cumulative;
    }

    private static int zipfRank(Random random, double[] cumulative) {
        int rank = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(rank >= 0 ? rank : -rank - 1, cumulative.length - 1);
    }

    // ---------------------------------------------------------------- footprint

    private void printFootprint() {
        double size = metric(options.searchUrl(), "newsflow_search_index_size_bytes");
        double documents = metric(options.searchUrl(), "newsflow_search_index_documents");
        double heap = metric(options.searchUrl(), "jvm_memory_used_bytes", "area=\"heap\"");
        out.println("search-service footprint");
        out.printf(Locale.ROOT, "  index: %.0f documents, %.1f MB on disk%n", documents, size / 1024 / 1024);
        out.printf(Locale.ROOT, "  heap used now: %.0f MB (of -Xmx256m in the local stack)%n", heap / 1024 / 1024);
        OptionalLong rss = residentKilobytes("search-service.jar");
        out.println("  RSS: " + (rss.isPresent() ? rss.getAsLong() / 1024 + " MB" : "n/a (process not found on this machine)"));
        OptionalLong gatewayRss = residentKilobytes("gateway.jar");
        out.println("  gateway RSS: " + (gatewayRss.isPresent() ? gatewayRss.getAsLong() / 1024 + " MB" : "n/a"));
    }

    /** VmRSS of the local JVM whose command line runs the jar, from /proc (Linux). */
    static OptionalLong residentKilobytes(String jar) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .mapToLong(process -> {
                    try {
                        Matcher matcher = Pattern.compile("VmRSS:\\s+(\\d+)")
                                .matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
                        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
                    } catch (IOException | RuntimeException e) {
                        return -1;
                    }
                })
                .filter(kilobytes -> kilobytes > 0)
                .findFirst();
    }

    /** Sum of the samples of one metric on /actuator/prometheus whose labels contain every one of {@code labels}. */
    private double metric(String base, String name, String... labels) {
        String text = get(base + "/actuator/prometheus");
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher matcher = PROMETHEUS_LINE.matcher(line);
            if (!line.startsWith("#") && matcher.find() && matcher.group(1).equals(name)
                    && Arrays.stream(labels).allMatch(label -> matcher.group(2) != null && matcher.group(2).contains(label))) {
                sum += Double.parseDouble(matcher.group(3));
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The search API answers. Not {@code /actuator/health}: under a views backlog its MongoDB ping
     * queues behind the writes and takes longer than a search.
     */
    private void requireUp(String base) {
        JsonNode body = getJson(base + "/api/v1/search?limit=1");
        if (!body.has("total")) {
            throw new IllegalStateException(base + " does not answer searches: " + body);
        }
    }

    private JsonNode getJson(String url) {
        return json.readTree(get(url));
    }

    private String get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed (is the stack up? ./newsflow up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Nearest-rank percentile of sorted values (the input is sorted in place). */
    static double percentile(double[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /**
     * The generator's words, entities, tags, topics and sources, from {@value VOCABULARY}. Words are
     * two syllables; the first ones are the common pairs of {@code [syllables]}, the others pairs of
     * syllables made of an onset, a rhyme and a tone. Ranks follow a Zipf law.
     */
    static final class Vocabulary {

        private static final int WORDS = 30_000;

        final List<EntityEntry> entities;
        final List<String> tags;
        final List<String[]> topics;
        final List<String> sources;
        private final List<String> words;
        private final double[] cumulative;

        record EntityEntry(String id, String name, EnrichedArticle.EntityType type, List<String> aliases) {
        }

        private Vocabulary(List<String> words, List<EntityEntry> entities, List<String> tags, List<String[]> topics,
                           List<String> sources) {
            this.words = words;
            this.entities = entities;
            this.tags = tags;
            this.topics = topics;
            this.sources = sources;
            this.cumulative = zipfCumulative(words.size());
        }

        String word(int rank) {
            return words.get(Math.min(rank, words.size() - 1));
        }

        String zipfWord(Random random) {
            return words.get(zipfRank(random, cumulative));
        }

        static Vocabulary load() {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            String current = null;
            try (InputStream in = SearchBenchmark.class.getClassLoader().getResourceAsStream(VOCABULARY)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + VOCABULARY);
                }
                for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String line = raw.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("[") && line.endsWith("]")) {
                        current = line.substring(1, line.length() - 1);
                        sections.put(current, new ArrayList<>());
                    } else if (current != null) {
                        sections.get(current).add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> common = new ArrayList<>();
            sections.getOrDefault("syllables", List.of()).forEach(line -> common.addAll(List.of(line.split("\\s+"))));
            List<String> onsets = words(sections.get("onsets"));
            List<String> rhymes = words(sections.get("rhymes"));
            Map<Character, String> tones = new LinkedHashMap<>();
            for (String line : sections.getOrDefault("tones", List.of())) {
                String[] marks = line.split("\\s+");
                tones.put(marks[0].charAt(0), String.join("", Arrays.asList(marks).subList(1, marks.length)));
            }
            List<EntityEntry> entities = new ArrayList<>();
            for (String line : sections.getOrDefault("entities", List.of())) {
                String[] parts = line.split("\\|");
                List<String> aliases = new ArrayList<>(List.of(parts[1]));
                aliases.addAll(Arrays.asList(parts).subList(3, parts.length));
                entities.add(new EntityEntry(parts[0], parts[1], EnrichedArticle.EntityType.valueOf(parts[2]), aliases));
            }
            List<String[]> topics = sections.getOrDefault("topics", List.of()).stream().map(line -> line.split("\\|", 2)).toList();
            List<String> tags = sections.getOrDefault("tags", List.of());
            List<String> sources = sections.getOrDefault("sources", List.of());
            if (common.size() < 2 || onsets.isEmpty() || rhymes.isEmpty() || tones.isEmpty() || entities.isEmpty()
                    || tags.isEmpty() || topics.isEmpty() || sources.isEmpty()) {
                throw new IllegalStateException(VOCABULARY
                        + " needs [onsets], [rhymes], [tones], [syllables], [entities], [tags], [topics] and [sources]");
            }
            List<String> syllables = new ArrayList<>();
            for (String onset : onsets) {
                for (String rhyme : rhymes) {
                    for (int tone = 0; tone <= 5; tone++) {
                        syllables.add(onset + toned(rhyme, tone, tones));
                    }
                }
            }
            // the same list on every machine and every run: the text depends on the seed only
            java.util.Collections.shuffle(syllables, new Random(1));
            java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
            for (int i = 0; i + 1 < common.size(); i += 2) {
                words.add(common.get(i) + " " + common.get(i + 1));
            }
            Random pairs = new Random(2);
            for (int attempt = 0; words.size() < WORDS && attempt < WORDS * 2; attempt++) {
                words.add(syllables.get(pairs.nextInt(syllables.size())) + " " + syllables.get(pairs.nextInt(syllables.size())));
            }
            return new Vocabulary(new ArrayList<>(words), entities, tags, topics, sources);
        }

        private static List<String> words(List<String> lines) {
            List<String> all = new ArrayList<>();
            if (lines != null) {
                lines.forEach(line -> all.addAll(List.of(line.split("\\s+"))));
            }
            return all;
        }

        /**
         * The rhyme with a tone mark (0 = none) on its main vowel: the last vowel of a closed rhyme
         * ("ương", "uyên"), the one before the glide of an open one ("ai", "ưa", "ươi"), the second
         * after "o"/"u" ("oa", "oai", "uy").
         */
        static String toned(String rhyme, int tone, Map<Character, String> tones) {
            if (tone == 0) {
                return rhyme;
            }
            List<Integer> vowels = new ArrayList<>();
            for (int i = 0; i < rhyme.length(); i++) {
                if (tones.containsKey(rhyme.charAt(i))) {
                    vowels.add(i);
                }
            }
            if (vowels.isEmpty()) {
                return rhyme;
            }
            boolean open = vowels.get(vowels.size() - 1) == rhyme.length() - 1;
            boolean glide = rhyme.startsWith("oa") || rhyme.startsWith("oe") || rhyme.startsWith("uy") || rhyme.startsWith("uâ");
            int at;
            if (!open || vowels.size() == 1) {
                at = vowels.get(vowels.size() - 1);
            } else {
                at = glide ? vowels.get(1) : vowels.get(vowels.size() - 2);
            }
            char vowel = rhyme.charAt(at);
            return rhyme.substring(0, at) + tones.get(vowel).charAt(tone - 1) + rhyme.substring(at + 1);
        }
    }
}
