package io.newsflow.enrich.related;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.newsflow.contract.EnrichedArticle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Related stories and duplicates from the signatures of recent articles, kept in MongoDB
 * ({@value #COLLECTION}) so that every enrich instance sees the same history and a restart keeps it.
 * Candidates are found by the article's main entities (an indexed array) within the window; each
 * signature is upserted by article id, so replays and retries are idempotent. Called from the
 * binder's listener thread, never from an event loop, so waiting for the driver is fine; a failing
 * store fails the enrichment, which the binder then retries and finally dead-letters.
 */
public final class MongoStoryLinks implements StoryLinks {

    public static final String COLLECTION = "enrich_article_signatures";

    /** Score from which an earlier article is listed as related. */
    static final double RELATED_THRESHOLD = StoryMatching.RELATED_THRESHOLD;
    /** Score from which two articles are taken to report the same event and share a story id. */
    static final double SAME_STORY_THRESHOLD = StoryMatching.SAME_STORY_THRESHOLD;
    /** Estimated shingle overlap from which the article re-publishes an earlier one. */
    static final double DUPLICATE_RESEMBLANCE = StoryMatching.DUPLICATE_RESEMBLANCE;
    private static final int MAX_CANDIDATES = 300;

    private final MongoCollection<Document> signatures;
    private final Duration window;
    private final int maxRelated;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public MongoStoryLinks(MongoDatabase database, Duration window, int maxRelated, Duration timeout, Clock clock) {
        this.signatures = database.getCollection(COLLECTION);
        this.window = window;
        this.maxRelated = maxRelated;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Links link(EnrichedArticle article) {
        ensureIndexes();
        ArticleSignature current = ArticleSignature.of(article, article.id());
        Instant now = clock.instant();
        List<ArticleSignature> candidates = candidates(current, now);

        StoryMatching.Match match = StoryMatching.match(current, candidates, maxRelated);
        remember(match.remembered(), now);
        return match.links();
    }

    private List<ArticleSignature> candidates(ArticleSignature current, Instant now) {
        List<String> probe = current.topEntityIds(StoryMatching.PROBE_ENTITIES);
        if (probe.isEmpty()) {
            return List.of();
        }
        List<Document> found = Flux.from(signatures.find(and(in("entityIds", probe),
                        gte("seenAt", Date.from(now.minus(window))), ne("_id", current.id())))
                        .sort(Sorts.descending("seenAt")).limit(MAX_CANDIDATES))
                .collectList().block(timeout);
        return found == null ? List.of() : found.stream().map(MongoStoryLinks::signature).toList();
    }

    private void remember(ArticleSignature signature, Instant now) {
        List<Document> entities = new ArrayList<>();
        signature.entities().forEach((id, weight) -> entities.add(new Document("id", id).append("weight", weight)
                .append("name", signature.names().get(id))));
        List<Long> minHash = new ArrayList<>();
        for (long hash : signature.minHash()) {
            minHash.add(hash);
        }
        Document document = new Document("_id", signature.id())
                .append("title", signature.title())
                .append("entityIds", new ArrayList<>(signature.entities().keySet()))
                .append("entities", entities)
                .append("phrases", signature.phrases())
                .append("minHash", minHash)
                .append("storyId", signature.storyId())
                .append("publishedAt", signature.publishedAt() == null ? null : Date.from(signature.publishedAt()))
                .append("seenAt", Date.from(now));
        Mono.from(signatures.replaceOne(eq("_id", signature.id()), document, new ReplaceOptions().upsert(true)))
                .block(timeout);
    }

    private static ArticleSignature signature(Document document) {
        Map<String, Double> entities = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Document entity : document.getList("entities", Document.class, List.of())) {
            entities.put(entity.getString("id"), ((Number) entity.get("weight")).doubleValue());
            names.put(entity.getString("id"), entity.getString("name"));
        }
        List<Long> stored = document.getList("minHash", Long.class, List.of());
        long[] minHash = stored.stream().mapToLong(Long::longValue).toArray();
        return new ArticleSignature(document.getString("_id"), document.getString("title"), entities, names,
                document.getList("phrases", String.class, List.of()), minHash, document.getString("storyId"),
                document.getDate("publishedAt") == null ? null : document.getDate("publishedAt").toInstant());
    }

    private void ensureIndexes() {
        if (indexed.compareAndSet(false, true)) {
            try {
                Mono.from(signatures.createIndex(Indexes.compoundIndex(Indexes.ascending("entityIds"),
                        Indexes.descending("seenAt")), new IndexOptions().name("entityIds_seenAt"))).block(timeout);
            } catch (RuntimeException failure) {
                // try again with the next article; the failure itself fails this enrichment for a retry
                indexed.set(false);
                throw failure;
            }
        }
    }
}
