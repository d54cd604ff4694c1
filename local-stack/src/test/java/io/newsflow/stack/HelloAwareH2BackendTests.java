package io.newsflow.stack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local stack's store over the wire, with the real driver: filters that pin {@code _id} beside other
 * conditions, or the first field of a declared index, are narrowed by an index, and every outcome (matched and modified counts, upserted
 * ids, E11000 on a guarded upsert that loses, documents found, counted, deleted) is the one the stock
 * mongo-java-server H2 backend gives. Each scenario runs on both, side by side.
 */
class HelloAwareH2BackendTests {

    private static final int DUPLICATE_KEY = 11000;

    @TempDir
    Path dataDir;

    private Store stock;
    private Store narrowing;

    @BeforeEach
    void startStores() {
        stock = new Store(new H2Backend(dataDir.resolve("stock.mv").toString()));
        narrowing = new Store(new HelloAwareH2Backend(dataDir.resolve("narrowing.mv").toString()));
    }

    @AfterEach
    void stopStores() {
        stock.close();
        narrowing.close();
    }

    @Test
    void guardedUpsertWithNewerRevisionReplacesTheDocument() {
        Object outcome = sameOutcome(articles -> {
            articles.insertOne(article("a1", 1, "old"));
            UpdateResult result = articles.updateOne(and(eq("_id", "a1"), lt("revision", 2)),
                    Updates.combine(Updates.set("revision", 2), Updates.set("title", "new")),
                    new UpdateOptions().upsert(true));
            return List.of(result.getMatchedCount(), result.getModifiedCount(), articles.find(eq("_id", "a1")).first());
        });

        assertThat(outcome).isEqualTo(List.of(1L, 1L, article("a1", 2, "new")));
    }

    @Test
    void guardedUpsertWithOlderOrEqualRevisionFailsWithDuplicateKeyAndLeavesTheDocument() {
        Object outcome = sameOutcome(articles -> {
            articles.insertOne(article("a1", 5, "current"));
            Bson update = Updates.combine(Updates.set("revision", 4), Updates.set("title", "stale"));
            return List.of(
                    attempt(() -> articles.updateOne(and(eq("_id", "a1"), lt("revision", 4)), update,
                            new UpdateOptions().upsert(true))),
                    attempt(() -> articles.updateOne(new Document("_id", "a1").append("revision", new Document("$lt", 5)),
                            update, new UpdateOptions().upsert(true))),
                    articles.find(eq("_id", "a1")).first());
        });

        assertThat(outcome).isEqualTo(List.of("E" + DUPLICATE_KEY, "E" + DUPLICATE_KEY, article("a1", 5, "current")));
    }

    @Test
    void guardedUpdateWithoutUpsertMatchesNothingWhenTheRevisionIsNotOlder() {
        Object outcome = sameOutcome(articles -> {
            articles.insertOne(article("a1", 5, "current"));
            UpdateResult result = articles.updateOne(and(eq("_id", "a1"), lt("revision", 5)), Updates.set("title", "x"));
            return List.of(result.getMatchedCount(), result.getModifiedCount(), articles.find(eq("_id", "a1")).first());
        });

        assertThat(outcome).isEqualTo(List.of(0L, 0L, article("a1", 5, "current")));
    }

    @Test
    void guardedUpsertOfAnAbsentIdInsertsIt() {
        Object outcome = sameOutcome(articles -> {
            articles.insertOne(article("other", 1, "other"));
            UpdateResult result = articles.updateOne(and(eq("_id", "a1"), lt("revision", 3)),
                    Updates.combine(Updates.set("revision", 3), Updates.set("title", "first")),
                    new UpdateOptions().upsert(true));
            return List.of(result.getMatchedCount(), String.valueOf(result.getUpsertedId()),
                    articles.find(eq("_id", "a1")).first());
        });

        assertThat(outcome).isEqualTo(List.of(0L, "BsonString{value='a1'}", article("a1", 3, "first")));
    }

    @Test
    void andOrNotFormsOfTheGuardBehaveAsBefore() {
        // search-service's guard: the revision is older, or the document has none yet (a link placeholder).
        Function<Integer, Bson> olderOrMissing = revision -> and(eq("_id", "a1"),
                or(lt("revision", revision), exists("revision", false)));
        Object outcome = sameOutcome(articles -> {
            articles.insertOne(new Document("_id", "a1").append("links", List.of("b")));
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            List<Object> steps = new ArrayList<>();
            steps.add(articles.updateOne(olderOrMissing.apply(2), Updates.set("revision", 2), upsert).getModifiedCount());
            steps.add(attempt(() -> articles.updateOne(olderOrMissing.apply(2), Updates.set("revision", 2), upsert)));
            steps.add(articles.updateOne(and(eq("_id", "a1"), not(lt("revision", 2))), Updates.set("seen", true))
                    .getModifiedCount());
            steps.add(articles.updateOne(new Document("$and", List.of(new Document("$and",
                    List.of(new Document("_id", new Document("$eq", "a1")), new Document("revision", 2))))),
                    Updates.set("nested", true)).getModifiedCount());
            steps.add(articles.find(eq("_id", "a1")).first());
            return steps;
        });

        assertThat(outcome).isEqualTo(List.of(1L, "E" + DUPLICATE_KEY, 1L, 1L, new Document("_id", "a1")
                .append("links", List.of("b")).append("revision", 2).append("seen", true).append("nested", true)));
    }

    @Test
    void unorderedBulkOfGuardedReplacesAppliesTheNewerAndReportsTheStaleAsDuplicateKeys() {
        Object outcome = sameOutcome(articles -> {
            articles.insertMany(List.of(article("a1", 1, "one"), article("a2", 9, "two")));
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            List<WriteModel<Document>> writes = List.of(
                    new ReplaceOneModel<>(and(eq("_id", "a1"), lt("revision", 2)), article("a1", 2, "one v2"), upsert),
                    new ReplaceOneModel<>(and(eq("_id", "a2"), lt("revision", 3)), article("a2", 3, "stale"), upsert),
                    new ReplaceOneModel<>(and(eq("_id", "a3"), lt("revision", 1)), article("a3", 1, "new"), upsert),
                    new UpdateOneModel<>(and(eq("_id", "a2"), lt("revision", 10)), Updates.set("revision", 10)));
            List<Object> result = new ArrayList<>();
            try {
                articles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                result.add("no errors");
            }
            catch (MongoBulkWriteException ex) {
                ex.getWriteErrors().forEach(error -> result.add(error.getIndex() + ":E" + error.getCode()));
                result.add(ex.getWriteResult().getModifiedCount());
            }
            articles.find().sort(Sorts.ascending("_id")).forEach(result::add);
            return result;
        });

        assertThat(outcome).isEqualTo(List.of("1:E" + DUPLICATE_KEY, 2, article("a1", 2, "one v2"),
                article("a2", 10, "two"), article("a3", 1, "new")));
    }

    @Test
    void findCountDeleteAndFindAndModifyWithIdBesideOtherKeysSeeOnlyThatDocument() {
        Object outcome = sameOutcome(articles -> {
            articles.insertMany(List.of(article("a1", 1, "one"), article("a2", 2, "two"), article("a3", 3, "three")));
            List<Object> steps = new ArrayList<>();
            steps.add(articles.find(and(eq("_id", "a2"), eq("title", "two"))).into(new ArrayList<>()));
            steps.add(articles.find(and(eq("_id", "a2"), eq("title", "one"))).into(new ArrayList<>()));
            steps.add(articles.countDocuments(and(eq("_id", "a1"), exists("revision"))));
            steps.add(articles.countDocuments(new Document("_id", "a1").append("revision", new Document("$gt", 1))));
            steps.add(articles.find(and(in("_id", "a1", "a3", "zz"), lt("revision", 3))).into(new ArrayList<>()));
            steps.add(articles.findOneAndUpdate(and(eq("_id", "a3"), lt("revision", 4)), Updates.set("revision", 4),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
            steps.add(articles.deleteOne(and(eq("_id", "a1"), lt("revision", 1))).getDeletedCount());
            steps.add(articles.deleteMany(and(eq("_id", "a1"), lt("revision", 2))).getDeletedCount());
            steps.add(articles.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            return steps;
        });

        assertThat(outcome).isEqualTo(List.of(List.of(article("a2", 2, "two")), List.of(), 1L, 0L,
                List.of(article("a1", 1, "one")), article("a3", 4, "three"), 0L, 1L,
                List.of(article("a2", 2, "two"), article("a3", 4, "three"))));
    }

    @Test
    void filtersThatDoNotPinTheIdStillSeeEveryDocument() {
        Object outcome = sameOutcome(articles -> {
            articles.insertMany(List.of(article("a1", 1, "same"), article("a2", 2, "same"), article("a3", 3, "other")));
            List<Object> steps = new ArrayList<>();
            steps.add(articles.find(eq("title", "same")).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            steps.add(articles.countDocuments(or(eq("_id", "a1"), eq("_id", "a3"))));
            steps.add(articles.countDocuments(or(eq("_id", "a1"), eq("title", "same"))));
            steps.add(articles.countDocuments(not(eq("_id", "a1"))));
            steps.add(articles.countDocuments(new Document("_id", new Document("$gte", "a2")).append("revision", 3)));
            steps.add(articles.updateMany(lt("revision", 3), Updates.set("title", "bumped")).getModifiedCount());
            steps.add(articles.find(eq("_id", "a2")).first());
            return steps;
        });

        assertThat(outcome).isEqualTo(List.of(List.of(article("a1", 1, "same"), article("a2", 2, "same")), 2L, 2L,
                2L, 1L, 2L, article("a2", 2, "bumped")));
    }

    @Test
    void filtersOnTheFirstFieldOfADeclaredIndexSeeTheDocumentsAsTheyAreAfterEveryWrite() {
        Object outcome = sameOutcome(articles -> {
            articles.insertMany(List.of(tagged("a1", 1, "loc:hcm", "org:x"), tagged("a2", 2, "loc:hn"),
                    tagged("a3", 3, "loc:hcm"), new Document("_id", "a4").append("entityIds", "loc:hcm"),
                    new Document("_id", "a5").append("entityIds", List.of(List.of("loc:hcm")))));
            articles.createIndex(Indexes.compoundIndex(Indexes.ascending("entityIds"), Indexes.descending("day")));
            List<Object> steps = new ArrayList<>();
            steps.add(ids(articles.find(eq("entityIds", "loc:hcm"))));
            steps.add(articles.countDocuments(eq("entityIds", "loc:hcm")));
            // enrich-service's candidate query: $in on the indexed field, a range and an _id exclusion.
            steps.add(ids(articles.find(and(in("entityIds", "loc:hn", "org:x"), gte("day", 1), ne("_id", "a2")))
                    .sort(Sorts.descending("day"))));
            articles.updateOne(eq("_id", "a3"), Updates.set("entityIds", List.of("loc:hn")));
            articles.insertOne(tagged("a6", 6, "loc:hcm"));
            articles.deleteOne(eq("_id", "a1"));
            articles.replaceOne(eq("_id", "a4"), new Document("title", "no entities"));
            steps.add(ids(articles.find(eq("entityIds", "loc:hcm")).sort(Sorts.ascending("_id"))));
            steps.add(ids(articles.find(eq("entityIds", "loc:hn")).sort(Sorts.ascending("_id"))));
            steps.add(articles.updateMany(and(eq("entityIds", "loc:hn"), lt("day", 3)), Updates.set("seen", true))
                    .getModifiedCount());
            steps.add(articles.deleteMany(eq("entityIds", new Document("$eq", "loc:hn"))).getDeletedCount());
            steps.add(ids(articles.find().sort(Sorts.ascending("_id"))));
            return steps;
        });

        // An array nested in the array (a5) is not looked into, by MongoDB nor by the stock backend.
        assertThat(outcome).isEqualTo(List.of(List.of("a1", "a3", "a4"), 3L, List.of("a1"),
                List.of("a6"), List.of("a2", "a3"), 1L, 2L, List.of("a4", "a5", "a6")));
    }

    @Test
    void filtersOnANestedIndexedFieldSeeEveryArrayElement() {
        Object outcome = sameOutcome(articles -> {
            articles.createIndex(Indexes.ascending("entities.id"));
            articles.insertMany(List.of(
                    new Document("_id", "a1").append("entities", List.of(new Document("id", "loc:hcm"), new Document("id", "x"))),
                    new Document("_id", "a2").append("entities", new Document("id", "loc:hcm")),
                    new Document("_id", "a3").append("entities", List.of(new Document("name", "loc:hcm")))));
            return List.of(ids(articles.find(eq("entities.id", "loc:hcm")).sort(Sorts.ascending("_id"))),
                    articles.countDocuments(and(eq("entities.id", "x"), exists("entities"))),
                    ids(articles.find(or(eq("entities.id", "x"), eq("_id", "a3"))).sort(Sorts.ascending("_id"))));
        });

        assertThat(outcome).isEqualTo(List.of(List.of("a1", "a2"), 1L, List.of("a1", "a3")));
    }

    @Test
    void aggregationsStartingWithANarrowableMatchGiveTheStockResults() {
        Object outcome = sameOutcome(articles -> {
            articles.createIndex(Indexes.compoundIndex(Indexes.ascending("entityIds"), Indexes.descending("day")));
            articles.insertMany(List.of(tagged("a1", 1, "loc:hcm", "org:x"), tagged("a2", 2, "loc:hn", "org:x"),
                    tagged("a3", 3, "loc:hcm", "per:y", "org:x"), tagged("a4", 4, "per:y")));
            // search-service's co-occurring entities of an entity page.
            List<Bson> coOccurring = List.of(Aggregates.match(eq("entityIds", "loc:hcm")),
                    Aggregates.unwind("$entityIds"), Aggregates.match(ne("entityIds", "loc:hcm")),
                    Aggregates.group("$entityIds", Accumulators.sum("count", 1)),
                    Aggregates.sort(Sorts.orderBy(Sorts.descending("count"), Sorts.ascending("_id"))));
            // A lookup into the same collection reads it again: only the pipeline's source is narrowed.
            List<Bson> lookup = List.of(Aggregates.match(and(eq("_id", "a4"), gte("day", 1))),
                    Aggregates.lookup("articles", "entityIds", "entityIds", "alike"),
                    Aggregates.lookup("articles", List.of(Aggregates.match(gte("day", 3))), "later"),
                    Aggregates.project(Projections.fields(Projections.computed("alike", "$alike._id"),
                            Projections.computed("later", "$later._id"))));
            List<Bson> unnarrowed = List.of(Aggregates.match(gte("day", 2)), Aggregates.count("n"));
            return List.of(articles.aggregate(coOccurring).into(new ArrayList<>()),
                    articles.aggregate(lookup).into(new ArrayList<>()),
                    articles.aggregate(unnarrowed).into(new ArrayList<>()),
                    articles.aggregate(List.of(Aggregates.match(eq("entityIds", "none")))).into(new ArrayList<>()));
        });

        assertThat(outcome).isEqualTo(List.of(
                List.of(new Document("_id", "org:x").append("count", 2), new Document("_id", "per:y").append("count", 1)),
                List.of(new Document("_id", "a4").append("alike", List.of("a3", "a4")).append("later", List.of("a3", "a4"))),
                List.of(new Document("n", 3)), List.of()));
    }

    @Test
    void opensAStoreFileWrittenByTheStockBackendAndGuardsItsDocuments() {
        Path file = dataDir.resolve("written-by-stock.mv");
        Store writer = new Store(new H2Backend(file.toString()));
        writer.articles().insertMany(List.of(article("a1", 1, "one"), article("a2", 2, "two")));
        writer.close();

        Store reader = new Store(new HelloAwareH2Backend(file.toString()));
        try {
            MongoCollection<Document> articles = reader.articles();
            UpdateResult newer = articles.updateOne(and(eq("_id", "a2"), lt("revision", 3)), Updates.set("revision", 3));

            assertThat(newer.getModifiedCount()).isEqualTo(1);
            assertThat(attempt(() -> articles.updateOne(and(eq("_id", "a1"), lt("revision", 1)),
                    Updates.set("revision", 1), new UpdateOptions().upsert(true)))).isEqualTo("E" + DUPLICATE_KEY);
            assertThat(articles.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .containsExactly(article("a1", 1, "one"), article("a2", 3, "two"));
        }
        finally {
            reader.close();
        }
    }

    @Test
    void reopensAStoreWithADeclaredIndexAndStillNarrowsAndListsIt() {
        Path file = dataDir.resolve("reopened.mv");
        Store writer = new Store(new HelloAwareH2Backend(file.toString()));
        writer.articles().createIndex(Indexes.ascending("entityIds"));
        writer.articles().insertMany(List.of(tagged("a1", 1, "loc:ha-noi"), tagged("a2", 2, "loc:da-nang"),
                tagged("a3", 3, "loc:ha-noi", "loc:hue")));
        writer.close();

        Store reader = new Store(new HelloAwareH2Backend(file.toString()));
        try {
            MongoCollection<Document> articles = reader.articles();
            assertThat(ids(articles.find(eq("entityIds", "loc:ha-noi")).sort(Sorts.ascending("_id")))).containsExactly("a1", "a3");
            assertThat(articles.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("entityIds_1");
            articles.insertOne(tagged("a4", 4, "loc:hue"));
            assertThat(ids(articles.find(eq("entityIds", "loc:hue")).sort(Sorts.ascending("_id")))).containsExactly("a3", "a4");
        }
        finally {
            reader.close();
        }
    }

    @Test
    void answersHelloAsAWritablePrimary() {
        Document hello = narrowing.client.getDatabase("admin").runCommand(new Document("hello", 1));

        assertThat(hello.get("isWritablePrimary")).isEqualTo(Boolean.TRUE);
    }

    /** Runs one scenario on the stock backend and on the local stack's, asserts the same outcome, returns it. */
    private Object sameOutcome(Function<MongoCollection<Document>, Object> scenario) {
        Object expected = scenario.apply(stock.articles());
        Object actual = scenario.apply(narrowing.articles());
        assertThat(actual).as("outcome on the local stack's store vs the stock H2 backend").isEqualTo(expected);
        return actual;
    }

    private static Object attempt(java.util.function.Supplier<UpdateResult> write) {
        try {
            UpdateResult result = write.get();
            return List.of(result.getMatchedCount(), result.getModifiedCount());
        }
        catch (MongoWriteException ex) {
            return "E" + ex.getCode();
        }
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static Document tagged(String id, int day, String... entityIds) {
        return new Document("_id", id).append("day", day).append("entityIds", List.of(entityIds));
    }

    private static Document article(String id, int revision, String title) {
        return new Document("_id", id).append("revision", revision).append("title", title);
    }

    /** One server on a free port with a driver client; closing it closes the backend and writes its file. */
    private static final class Store {

        private final MongoServer server;
        private final MongoClient client;

        Store(MongoBackend backend) {
            server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        }

        MongoCollection<Document> articles() {
            return client.getDatabase("newsflow").getCollection("articles");
        }

        void close() {
            client.close();
            server.shutdown();
        }
    }
}
