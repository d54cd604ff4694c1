package io.newsflow.ingest.deadletters;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.RawArticle;
import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.publishing.ArticlePublisher;
import io.newsflow.ingest.publishing.Revisions;
import io.newsflow.ingest.status.DuplicateKeys;
import io.newsflow.ingest.status.ReceiptStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Dead letters of the raw topic, kept in MongoDB until an operator replays them, and the
 * {@code rejected} receipt of each, with its reason, so the partner sees why.
 */
@Component
class DeadLetters {

    private final MongoCollection<Document> deadLetters;
    private final ReceiptStore receipts;
    private final ArticlePublisher publisher;
    private final Revisions revisions;
    private final JsonMapper json;

    DeadLetters(MongoDatabase database, IngestProperties properties, ReceiptStore receipts, ArticlePublisher publisher,
                Revisions revisions, JsonMapper json) {
        this.deadLetters = database.getCollection(properties.deadLettersCollection());
        this.receipts = receipts;
        this.publisher = publisher;
        this.revisions = revisions;
        // a dead letter may come from a newer contract version: read what we know
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Mono.from(deadLetters.createIndex(Indexes.ascending("replayedAt", "reason"), new IndexOptions().name("pending_by_reason")))
                .block();
    }

    /**
     * Keeps one dead letter, idempotently (its DLQ position is its id), and marks its article rejected.
     *
     * @param position DLQ partition and offset, e.g. {@code 2-118}
     */
    Mono<Void> keep(String position, String key, byte[] payload, String reason) {
        RawArticle article = parse(payload);
        String articleId = key != null ? key : article == null ? null : identify(article);
        Document letter = new Document("_id", position)
                .append("articleId", articleId)
                .append("revision", article == null ? 0L : article.revision())
                .append("reason", reason)
                .append("payload", new String(payload, StandardCharsets.UTF_8))
                .append("deadAt", new Date())
                .append("replayedAt", null);
        Mono<Void> stored = Mono.from(deadLetters.insertOne(letter)).then()
                .onErrorResume(DuplicateKeys::isDuplicateKey, error -> Mono.empty());
        if (articleId == null) {
            return stored;
        }
        ArticleStatus rejected = new ArticleStatus(articleId, ArticleStatus.State.REJECTED,
                article == null ? 0L : article.revision(), reason, Instant.now().toString());
        return stored.then(receipts.record(rejected, null));
    }

    /** Re-submits the dead letters not replayed yet (those whose reason starts with {@code reasonPrefix}, if given). */
    Mono<ReplayResult> replay(String reasonPrefix) {
        Bson pending = reasonPrefix == null || reasonPrefix.isBlank()
                ? Filters.eq("replayedAt", null)
                : Filters.and(Filters.eq("replayedAt", null),
                        Filters.regex("reason", "^" + Pattern.quote(reasonPrefix)));
        return Flux.from(deadLetters.find(pending))
                .concatMap(this::replayOne)
                .reduce(new ReplayResult(0, 0), ReplayResult::add);
    }

    private Mono<ReplayResult> replayOne(Document letter) {
        RawArticle article = parse(letter.getString("payload").getBytes(StandardCharsets.UTF_8));
        if (article == null || !article.hasContent()) {
            // nothing a second attempt could change: it stays for the operator to read
            return Mono.just(new ReplayResult(0, 1));
        }
        String id = article.id() != null ? article.id() : identify(article);
        return publisher.publish(article.identified(id, revisions.next()))
                .then(Mono.from(deadLetters.updateOne(Filters.eq("_id", letter.get("_id")),
                        Updates.set("replayedAt", new Date()))))
                .thenReturn(new ReplayResult(1, 0));
    }

    private RawArticle parse(byte[] payload) {
        try {
            return json.readValue(payload, RawArticle.class);
        } catch (RuntimeException notAnArticle) {
            return null;
        }
    }

    private static String identify(RawArticle article) {
        try {
            return ArticleIds.of(article);
        } catch (IllegalArgumentException noContent) {
            return null;
        }
    }


    /** What a replay did: how many were re-submitted and how many cannot be. */
    record ReplayResult(int replayed, int unreplayable) {

        ReplayResult add(ReplayResult other) {
            return new ReplayResult(replayed + other.replayed, unreplayable + other.unreplayable);
        }
    }
}
