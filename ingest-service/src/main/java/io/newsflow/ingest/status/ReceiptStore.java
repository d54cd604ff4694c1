package io.newsflow.ingest.status;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.ArticleStatus.State;
import io.newsflow.ingest.config.IngestProperties;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * One receipt per article: the state it reached, for which revision, and when each state was
 * reached. Status events come from several services and may arrive out of order, so every
 * write is guarded: a newer revision replaces the receipt, the same revision only moves forward
 * (accepted → enriched → indexed, or rejected), and a late event only fills in its timestamp.
 */
@Component
public class ReceiptStore {

    private final MongoCollection<Document> receipts;

    ReceiptStore(MongoDatabase database, IngestProperties properties) {
        this.receipts = database.getCollection(properties.receiptsCollection());
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        // Partners and operators list receipts by state (e.g. all rejected ones) and by time
        Mono.from(receipts.createIndex(Indexes.ascending("state", "updatedAt"), new IndexOptions().name("state_updatedAt")))
                .block();
    }

    /** Records a status; completes when stored, or when it was older than what is stored. */
    public Mono<Void> record(ArticleStatus status, String partner) {
        Date at = Date.from(status.at() == null ? Instant.now() : Instant.parse(status.at()));
        return replaceWithNewerRevision(status, partner, at)
                .filter(replaced -> !replaced)
                .flatMap(notReplaced -> advanceSameRevision(status, at))
                .filter(advanced -> !advanced)
                .flatMap(notAdvanced -> fillInTimestamp(status, at))
                .then();
    }

    /** The receipt of an article, if any. */
    public Mono<Receipt> find(String id) {
        return Mono.from(receipts.find(Filters.eq("_id", id)).first()).map(ReceiptStore::toReceipt);
    }

    private Mono<Boolean> replaceWithNewerRevision(ArticleStatus status, String partner, Date at) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("revision", status.revision()),
                Updates.set("state", status.state().label()),
                Updates.set("rank", status.state().ordinal()),
                Updates.set(timestampField(status.state()), at),
                Updates.set("updatedAt", new Date())));
        updates.add(status.reason() == null ? Updates.unset("reason") : Updates.set("reason", status.reason()));
        Arrays.stream(State.values()).filter(state -> state != status.state())
                .forEach(state -> updates.add(Updates.unset(timestampField(state))));
        if (partner != null) {
            updates.add(Updates.set("partner", partner));
        }
        Bson olderRevision = Filters.and(Filters.eq("_id", status.id()), Filters.lt("revision", status.revision()));
        return Mono.from(receipts.updateOne(olderRevision, Updates.combine(updates), new UpdateOptions().upsert(true)))
                .map(result -> true)
                // the upsert collides with the existing receipt when that one is as new or newer
                .onErrorResume(DuplicateKeys::isDuplicateKey, error -> Mono.just(false));
    }

    private Mono<Boolean> advanceSameRevision(ArticleStatus status, Date at) {
        Bson earlierState = Filters.and(Filters.eq("_id", status.id()), Filters.eq("revision", status.revision()),
                Filters.lt("rank", status.state().ordinal()));
        Bson update = Updates.combine(
                Updates.set("state", status.state().label()),
                Updates.set("rank", status.state().ordinal()),
                status.reason() == null ? Updates.unset("reason") : Updates.set("reason", status.reason()),
                Updates.set(timestampField(status.state()), at),
                Updates.set("updatedAt", new Date()));
        return Mono.from(receipts.updateOne(earlierState, update)).map(result -> result.getMatchedCount() > 0);
    }

    private Mono<UpdateResult> fillInTimestamp(ArticleStatus status, Date at) {
        Bson sameRevision = Filters.and(Filters.eq("_id", status.id()), Filters.eq("revision", status.revision()));
        return Mono.from(receipts.updateOne(sameRevision, Updates.min(timestampField(status.state()), at)));
    }

    private static String timestampField(State state) {
        return state.label() + "At";
    }


    private static Receipt toReceipt(Document document) {
        return new Receipt(document.getString("_id"), document.getString("state"), document.getString("reason"),
                document.get("revision", Number.class).longValue(), instant(document, "acceptedAt"),
                instant(document, "enrichedAt"), instant(document, "indexedAt"), instant(document, "rejectedAt"),
                document.getString("partner"));
    }

    private static String instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant().toString();
    }
}
