package io.newsflow.search.rebuild;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Date;

/**
 * The atomic pointer to the generation of views and index that serves: one small document
 * {@code {_id: "views", generation, switchedAt}} in {@code search_meta}. Read once at startup (a
 * service that never rebuilt has none: generation 0); a rebuild replaces it with one write after
 * the new generation is complete, so a crash before that write leaves the old generation serving.
 */
public class GenerationPointer {

    static final String COLLECTION = "search_meta";
    private static final String ID = "views";

    private final MongoCollection<Document> meta;
    private final long atStartup;

    GenerationPointer(MongoDatabase database) {
        this.meta = database.getCollection(COLLECTION);
        // read on the main thread while the context starts: the views and the index open on it
        Long stored = read().block(Duration.ofSeconds(30));
        this.atStartup = stored == null ? 0 : stored;
    }

    /** The generation named by the pointer when this instance started. */
    public long active() {
        return atStartup;
    }

    Mono<Long> read() {
        return Mono.from(meta.find(Filters.eq("_id", ID)).first())
                .map(document -> ((Number) document.get("generation")).longValue())
                .defaultIfEmpty(0L);
    }

    Mono<Void> pointTo(long generation) {
        Document pointer = new Document("_id", ID).append("generation", generation).append("switchedAt", new Date());
        return Mono.from(meta.replaceOne(Filters.eq("_id", ID), pointer, new ReplaceOptions().upsert(true))).then();
    }
}
