package io.newsflow.enrich.tags;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Phrase statistics in MongoDB ({@value #COLLECTION}), shared by every enrich instance and kept across
 * restarts: one document per folded phrase with its document frequency, and one document holding the
 * article count. An article reads all it needs in one {@code find} with {@code $in}, and adds itself
 * with {@code $inc} upserts in one unordered bulk write, so concurrent instances never lose a count.
 * Called from the binder's listener thread, never from an event loop, so waiting for the driver is
 * fine; a failing store fails the enrichment, which the binder retries and finally dead-letters.
 */
public final class MongoPhraseStatistics implements PhraseStatistics {

    public static final String COLLECTION = "enrich_phrase_stats";
    /** The id of the article count: folded phrases hold only letters, digits and spaces, never '#'. */
    static final String ARTICLES_ID = "#articles";
    static final String COUNT = "df";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> phrases;
    private final Duration timeout;

    public MongoPhraseStatistics(MongoDatabase database, Duration timeout) {
        this.phrases = database.getCollection(COLLECTION);
        this.timeout = timeout;
    }

    @Override
    public Frequencies frequencies(Collection<String> phraseKeys) {
        Set<String> ids = new LinkedHashSet<>(phraseKeys);
        ids.add(ARTICLES_ID);
        List<Document> found = Flux.from(phrases.find(in("_id", ids))).collectList().block(timeout);
        long articles = 0;
        Map<String, Long> frequencies = new HashMap<>();
        for (Document document : found == null ? List.<Document>of() : found) {
            long count = ((Number) document.get(COUNT)).longValue();
            if (ARTICLES_ID.equals(document.getString("_id"))) {
                articles = count;
            } else {
                frequencies.put(document.getString("_id"), count);
            }
        }
        return new Frequencies(articles, frequencies);
    }

    @Override
    public void record(Collection<String> phraseKeys) {
        List<WriteModel<Document>> increments = new ArrayList<>();
        for (String key : new LinkedHashSet<>(phraseKeys)) {
            increments.add(new UpdateOneModel<>(eq("_id", key), Updates.inc(COUNT, 1L), UPSERT));
        }
        increments.add(new UpdateOneModel<>(eq("_id", ARTICLES_ID), Updates.inc(COUNT, 1L), UPSERT));
        Mono.from(phrases.bulkWrite(increments, UNORDERED)).block(timeout);
    }
}
