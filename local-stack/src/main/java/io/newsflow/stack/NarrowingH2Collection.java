package io.newsflow.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An on-disk collection that narrows a filter by an index where MongoDB would and mongo-java-server 1.47
 * does not, instead of scanning every document:
 * <ul>
 * <li>a filter pinning {@code _id} beside other conditions (the services' revision guards,
 * {@code {_id: X, revision: {$lt: N}}} and its {@code $and}/{@code $or} forms) is looked up by the unique
 * {@code _id} index: the library uses an index only for a filter whose keys are exactly the index's keys, and
 * at 20k documents a guarded upsert took 9–24 ms that way instead of about 1.5 ms;</li>
 * <li>a filter pinning the first field of a declared non-unique index to strings (e.g.
 * {@code {entityIds: X}}) is looked up in {@link StringPostings} kept in memory: the library accepts such
 * indexes but does not build them. The postings of a field are built on the first query that can use them
 * and kept up to date by every insert, update and delete afterwards.</li>
 * </ul>
 * {@link #queryDocuments} is the one place where find, count, distinct, delete, update, upsert, findAndModify
 * and every bulk write choose their documents, so overriding it changes only which documents are read, never
 * what is done with them: the full filter is still applied to each candidate, the candidates are visited in
 * the stock (position) order, and an upsert whose filter matches nothing still inserts, failing with E11000
 * when the {@code _id} exists. An aggregation whose pipeline starts with such a {@code $match} reads only those
 * candidates as its source ({@link #aggregatingWithLeadingMatch}); that includes the driver's
 * {@code countDocuments}, which is a {@code $match} + {@code $group} aggregation.
 */
final class NarrowingH2Collection extends H2Collection {

    private final Map<String, StringPostings> postingsByPath = new HashMap<>();
    /** The leading {@code $match} of the aggregation this thread is running on this collection, if any. */
    private final ThreadLocal<Document> leadingMatch = new ThreadLocal<>();

    NarrowingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /**
     * Declares an index the library does not implement ({@link EmptyIndex}) without reading the collection.
     * The stock method reads every document twice to fill a new index (check, then add), although an
     * {@code EmptyIndex} keeps nothing: on every open of the store, per declared secondary index, that was
     * about 20 s at 100,000 articles, and the stack gave up waiting for the store after a large load.
     */
    @Override
    public void addIndex(Index<Object> index) {
        boolean declared = getIndexes().stream().anyMatch(known -> known.getName().equals(index.getName()));
        if (index instanceof EmptyIndex && !declared) {
            getIndexes().add(index);
            return;
        }
        super.addIndex(index);
    }

    @Override
    protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip,
            int limit, int batchSize, Document fieldSelector) {
        List<Index<Object>> indexes = getIndexes();
        Document match = leadingMatch.get();
        if (match != null && query.isEmpty()) {
            // The aggregation's source read (the whole collection): only documents its leading $match keeps
            // can reach the next stage, and the $match stage still runs on them. Read once per aggregation.
            leadingMatch.remove();
            Iterable<Object> candidates = candidates(match, indexes);
            if (candidates != null) {
                return matchDocuments(match, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
            Iterable<Object> candidates = candidates(query, indexes);
            if (candidates != null) {
                return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The positions of every document the filter can match, from an index; null when none narrows it. */
    private Iterable<Object> candidates(Document query, List<Index<Object>> indexes) {
        Document idLookup = PinnedFilters.idLookup(query, getIdField());
        if (idLookup != null) {
            for (Index<Object> index : indexes) {
                if (index.isUnique() && index.canHandle(idLookup)) {
                    return index.getPositions(idLookup);
                }
            }
        }
        for (Index<Object> index : indexes) {
            if (index.isUnique() || index.getKeys().isEmpty()) {
                continue;
            }
            String path = index.getKeys().get(0).getKey();
            Set<String> values = PinnedFilters.pinnedStrings(query, path);
            StringPostings postings = values == null ? null : postings(path);
            if (postings != null) {
                List<Object> positions = new ArrayList<>(postings.positions(values));
                // The stock scan visits documents in position order; so do the candidates, so that results
                // without a sort come in the same order as before.
                positions.sort(ValueComparator.asc());
                return positions;
            }
        }
        return null;
    }

    /**
     * Runs an aggregation whose pipeline starts with {@code {$match: filter}}, letting its read of the whole
     * collection narrow to what the filter can match (mongo-java-server reads every document for an
     * aggregation). The first whole-collection read on this thread during the call is the pipeline's source.
     */
    <T> T aggregatingWithLeadingMatch(Document filter, Supplier<T> aggregation) {
        leadingMatch.set(filter);
        try {
            return aggregation.get();
        }
        finally {
            leadingMatch.remove();
        }
    }

    private StringPostings postings(String path) {
        StringPostings postings = postingsByPath.get(path);
        if (postings == null && !postingsByPath.containsKey(path)) {
            postings = StringPostings.forPath(path);
            if (postings != null) {
                StringPostings building = postings;
                streamAllDocumentsWithPosition()
                        .forEach(entry -> building.add(entry.getPosition(), entry.getDocument()));
            }
            postingsByPath.put(path, postings);
        }
        return postings;
    }

    @Override
    protected synchronized Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        eachPostings(postings -> postings.add(position, document));
        return position;
    }

    @Override
    protected synchronized void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        eachPostings(postings -> {
            postings.remove(position, oldDocument);
            postings.add(position, newDocument);
        });
    }

    @Override
    protected synchronized void removeDocument(Object position) {
        if (!postingsByPath.isEmpty()) {
            Document removed = getDocument(position);
            eachPostings(postings -> postings.remove(position, removed));
        }
        super.removeDocument(position);
    }

    private void eachPostings(Consumer<StringPostings> change) {
        for (StringPostings postings : postingsByPath.values()) {
            if (postings != null) {
                change.accept(postings);
            }
        }
    }
}
