package io.newsflow.stack;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The on-disk mongo-java-server backend of the local stack, with two fixes over the stock H2 backend.
 * <ul>
 * <li>It answers MongoDB's {@code hello} command. mongo-java-server 1.47 knows only the legacy
 * {@code isMaster}, while Spring Boot's Mongo health indicator sends {@code hello} (MongoDB 4.4.2+): without
 * this every service's health would stay DOWN on the local stack. The answer is the {@code isMaster} one plus
 * {@code isWritablePrimary}, as a real primary gives it.</li>
 * <li>Its collections narrow a filter by an index where MongoDB would, instead of scanning the collection:
 * {@code _id} beside other conditions, and the first field of a declared non-unique index, in finds, writes
 * and the leading {@code $match} of an aggregation ({@link NarrowingH2Collection}).</li>
 * </ul>
 * The data layout on disk is the stock one, so a store file written before this change opens unchanged.
 */
final class HelloAwareH2Backend extends H2Backend {

    /** The stock backend's MVStore map names for a collection's documents and its metadata. */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    /** How long chunks an older version still uses are kept before the file's space is reused. */
    private static final int RETENTION_MILLIS = 10 * 60_000;

    HelloAwareH2Backend(String fileName) {
        super(openStore(fileName));
    }

    /**
     * The stock backend opens the file with H2's defaults. Under a long scan of a large collection,
     * H2 2.4's background compaction can free a chunk the scan still reads ("Chunk N not found",
     * h2database#4382/#4383); seen here at 100,000 articles. The store therefore does not compact in
     * the background and keeps old chunks for ten minutes: the file grows more, and no read fails.
     */
    private static MVStore openStore(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCompactFillRate(0).open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
            reply.put("isWritablePrimary", Boolean.TRUE);
            return reply;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new NarrowingH2Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor already opens the existing collections through
     * {@link #openOrCreateCollection}, before any field of a subclass is assigned, so the MVStore is read from
     * the enclosing backend (whose reference javac stores before the superclass constructor runs).
     */
    private final class NarrowingH2Database extends H2Database {

        NarrowingH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            if ("aggregate".equalsIgnoreCase(command) && query.get("aggregate") instanceof String collectionName
                    && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                    && pipeline.get(0) instanceof Document first && first.size() == 1
                    && first.get("$match") instanceof Document match
                    && resolveCollection(collectionName, false) instanceof NarrowingH2Collection collection) {
                return collection.aggregatingWithLeadingMatch(match,
                        () -> super.handleCommand(channel, command, query, resolver, oplog));
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new NarrowingH2Collection(this, collectionName, options,
                    getMvStore().openMap(DATA_MAP_PREFIX + namespace), getMvStore().openMap(META_MAP_PREFIX + namespace),
                    cursorRegistry);
        }
    }
}
