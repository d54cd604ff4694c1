package io.newsflow.stack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Prints how fast the store serves the services' narrowed filters at a given collection size, on the stock
 * mongo-java-server H2 backend and on the local stack's ({@link HelloAwareH2Backend}), over the wire with the
 * real driver: revision-guarded upserts per second, as single {@code updateOne}s with search-service's guard
 * ({@code {$and: [{_id: X}, {$or: [{revision: {$lt: N}}, {revision: {$exists: false}}]}]}}) and as unordered
 * bulks of 100 guarded {@code ReplaceOne}s, and entity-page reads per second ({@code countDocuments} plus
 * the 20 most recent by {@code {entityIds: X}}, with the index search-service declares).
 * A figure to read, not a test: nothing is asserted on time.
 * <p>
 * Run after {@code ./mvnw -o -q -pl local-stack test-compile} with the test classpath, e.g.
 * {@code java -cp local-stack/target/test-classes:local-stack/target/classes:$(cat cp.txt)
 * io.newsflow.stack.StoreNarrowingBenchmark 20000 100000}.
 */
final class StoreNarrowingBenchmark {

    private static final int RUNS = 3;
    private static final int BULK = 100;
    private static final int ENTITIES = 2_000;

    private StoreNarrowingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] { 20_000, 100_000 }
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("store-narrowing-benchmark");
        try {
            for (int size : sizes) {
                measure("stock H2Backend", size, path -> new H2Backend(path), dir);
                measure("HelloAwareH2Backend", size, HelloAwareH2Backend::new, dir);
            }
        }
        finally {
            deleteQuietly(dir);
        }
    }

    private static void measure(String name, int size, Function<String, MongoBackend> backend, Path dir) {
        Path file = dir.resolve(name.replace(' ', '-') + "-" + size + ".mv");
        MongoServer server = new MongoServer(backend.apply(file.toString()));
        int port = server.bind().getPort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> articles = client.getDatabase("newsflow").getCollection("articles");
            long loading = System.nanoTime();
            load(articles, size);
            System.out.printf("%-20s %,7d docs loaded in %.1f s%n", name, size, seconds(loading));
            Random random = new Random(42);
            // Enough operations for a stable figure on the fast store, few enough that a scan stays bearable.
            int singles = Math.max(20, Math.min(2_000, 2_000_000 / size));
            articles.createIndex(Indexes.compoundIndex(Indexes.ascending("entityIds"), Indexes.descending("day")));
            double[] single = new double[RUNS];
            double[] bulk = new double[RUNS];
            double[] entity = new double[RUNS];
            // Every round writes a revision above all earlier ones, so a guard loses only when one round
            // draws the same id twice.
            for (int run = 0; run < RUNS; run++) {
                single[run] = singleUpdatesPerSecond(articles, size, singles, 2 * run + 2, random);
                bulk[run] = bulkReplacesPerSecond(articles, size, singles, 2 * run + 3, random);
                entity[run] = entityReadsPerSecond(articles, Math.max(5, singles / 10), random);
            }
            System.out.printf("%-20s %,7d docs: guarded updateOne %,8.0f/s, guarded bulk ReplaceOne %,8.0f/s, "
                    + "entity count+recent %,7.1f/s (median of %d; runs %s / %s / %s)%n", name, size, median(single),
                    median(bulk), median(entity), RUNS, format(single), format(bulk), format(entity));
        }
        catch (RuntimeException failure) {
            // The stock backend's long scans can fail at 100k documents (H2 MVStore "Chunk N not found",
            // h2database/h2database#4383); report it as a figure instead of losing the other figures.
            System.out.printf("%-20s %,7d docs: failed: %s%n", name, size, failure.getMessage());
        }
        finally {
            server.shutdown();
            deleteQuietly(file);
        }
    }

    private static void load(MongoCollection<Document> articles, int size) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(article(i, 1));
            if (batch.size() == 1_000) {
                articles.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            articles.insertMany(batch);
        }
    }

    private static double singleUpdatesPerSecond(MongoCollection<Document> articles, int size, int count,
            int revision, Random random) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = id(random.nextInt(size));
            try {
                articles.updateOne(and(eq("_id", id), or(lt("revision", revision), exists("revision", false))),
                        Updates.combine(Updates.set("revision", revision), Updates.set("title", "Tiêu đề " + revision)),
                        new UpdateOptions().upsert(true));
            }
            catch (MongoWriteException ex) {
                // The same id drawn twice in one round: the second loses its guard (E11000), as on MongoDB.
            }
        }
        return count / seconds(started);
    }

    private static double bulkReplacesPerSecond(MongoCollection<Document> articles, int size, int count,
            int revision, Random random) {
        int total = Math.max(BULK, count / BULK * BULK);
        long started = System.nanoTime();
        for (int done = 0; done < total; done += BULK) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (int i = 0; i < BULK; i++) {
                int n = random.nextInt(size);
                writes.add(new ReplaceOneModel<>(and(eq("_id", id(n)), lt("revision", revision)), article(n, revision),
                        new ReplaceOptions().upsert(true)));
            }
            try {
                articles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            catch (MongoBulkWriteException ex) {
                // The same id drawn twice in one round: the second loses its guard (E11000), as on MongoDB.
            }
        }
        return total / seconds(started);
    }

    private static double entityReadsPerSecond(MongoCollection<Document> articles, int count, Random random) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String entityId = "per:" + random.nextInt(ENTITIES);
            articles.countDocuments(eq("entityIds", entityId));
            articles.find(eq("entityIds", entityId)).sort(Sorts.descending("day")).limit(20).into(new ArrayList<>());
        }
        return count / seconds(started);
    }

    private static Document article(int n, int revision) {
        return new Document("_id", id(n)).append("revision", revision)
                .append("title", "Bài viết số " + n + " về giao thông đô thị")
                .append("lead", "Tóm tắt ".repeat(20))
                .append("body", "Nội dung bài báo tiếng Việt với nhiều đoạn văn. ".repeat(25))
                .append("day", n % 3_650)
                .append("entityIds", List.of("loc:ho-chi-minh-city", "org:bo-gtvt", "per:" + (n % ENTITIES)))
                .append("tags", List.of("giao-thong", "do-thi"));
    }

    private static String id(int n) {
        return String.format("%016x", n * 0x9E3779B97F4A7C15L);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%,.0f", v)).toList().toString();
    }

    private static void deleteQuietly(Path path) {
        try (var walk = Files.walk(path)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
