package io.newsflow.search.views;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.text.VietnameseText;
import io.newsflow.search.index.ArticleIndex;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The MongoDB views of search-service, written with the reactive driver: {@code articles} (one
 * document per article page) and {@code entities} (one per canonical entity). Every write is an
 * idempotent upsert guarded by revision, so replaying the enriched topic changes nothing and an
 * older revision never overwrites a newer one.
 */
public class ArticleViews {

    static final String ARTICLES = "articles";
    static final String ENTITIES = "entities";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoDatabase database;
    /** The collections that serve reads and take the consumer's writes. */
    private volatile Generation active;
    /** Collections a rebuild is filling: the consumer's writes go there too, so nothing is missed at the switch. */
    private volatile Generation building;

    public ArticleViews(MongoDatabase database) {
        this(database, 0);
    }

    public ArticleViews(MongoDatabase database, long generation) {
        this.database = database;
        this.active = generation(generation);
    }

    /**
     * The collections of one generation of the views: generation 0 is {@code articles} and
     * {@code entities} (what a service that never rebuilt uses), generation n {@code articles_g<n>}
     * and {@code entities_g<n>}.
     */
    private Generation generation(long number) {
        String suffix = number == 0 ? "" : "_g" + number;
        return new Generation(number, database.getCollection(ARTICLES + suffix), database.getCollection(ENTITIES + suffix));
    }

    public long activeGeneration() {
        return active.number();
    }

    /**
     * Starts filling the collections of a new generation: drops whatever a failed earlier attempt
     * left there, creates the indexes, and from then on the consumer writes every article to them too.
     */
    public Mono<Void> startBuilding(long number) {
        Generation next = generation(number);
        return dropCollections(next)
                .then(createIndexes(next))
                .doOnSuccess(done -> building = next);
    }

    /** Stores an article revision into the generation being built only (the rebuild's replay). */
    public Mono<Long> storeInBuilding(EnrichedArticle article, Instant indexedAt) {
        Generation target = building;
        if (target == null) {
            return Mono.error(new IllegalStateException("no views generation is being built"));
        }
        return store(target, article, indexedAt);
    }

    /** Reads switch to the generation being built; returns the previous one's number. */
    public long switchToBuilding() {
        Generation previous = active;
        active = building;
        building = null;
        return previous.number();
    }

    /** Stops filling the generation being built and drops it (a failed rebuild). */
    public Mono<Void> abandonBuilding() {
        Generation abandoned = building;
        building = null;
        return abandoned == null ? Mono.empty() : drop(abandoned.number());
    }

    /** Drops the collections of a generation no longer served. */
    public Mono<Void> drop(long number) {
        if (number == active.number()) {
            return Mono.error(new IllegalStateException("generation " + number + " is serving"));
        }
        return dropCollections(generation(number));
    }

    /** Drops the collections of a generation that exist (dropping a missing one is an error on some stores). */
    private Mono<Void> dropCollections(Generation generation) {
        String articlesName = generation.articles().getNamespace().getCollectionName();
        String entitiesName = generation.entities().getNamespace().getCollectionName();
        return Flux.from(database.listCollectionNames())
                .filter(name -> name.equals(articlesName) || name.equals(entitiesName))
                .concatMap(name -> Mono.from(database.getCollection(name).drop()))
                .then();
    }

    public Mono<Long> articleCountInGeneration() {
        return Mono.from(active.articles().countDocuments(Filters.exists(ArticleDocuments.REVISION)));
    }

    private record Generation(long number, MongoCollection<Document> articles, MongoCollection<Document> entities) {
    }

    /** Creates the indexes of every filter field; creating an existing index is a no-op. */
    public Mono<Void> createIndexes() {
        return createIndexes(active);
    }

    private static Mono<Void> createIndexes(Generation generation) {
        List<IndexModel> articleIndexes = List.of(
                new IndexModel(Indexes.descending(ArticleDocuments.PUBLISHED_DATE)),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(ArticleDocuments.ENTITY_IDS),
                        Indexes.descending(ArticleDocuments.PUBLISHED_DATE))),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(ArticleDocuments.TAG_KEYS),
                        Indexes.descending(ArticleDocuments.PUBLISHED_DATE))),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(ArticleDocuments.TOPIC_CODES),
                        Indexes.descending(ArticleDocuments.PUBLISHED_DATE))),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("source"),
                        Indexes.descending(ArticleDocuments.PUBLISHED_DATE))),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("language"),
                        Indexes.descending(ArticleDocuments.PUBLISHED_DATE))),
                new IndexModel(Indexes.ascending("storyId")),
                new IndexModel(Indexes.descending(ArticleDocuments.INDEXED_AT)));
        List<IndexModel> entityIndexes = List.of(
                new IndexModel(Indexes.ascending("aliasKeys")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("type"), Indexes.ascending("aliasKeys"))),
                new IndexModel(Indexes.descending("lastSeen")));
        return Flux.concat(generation.articles().createIndexes(articleIndexes),
                generation.entities().createIndexes(entityIndexes)).then();
    }

    /**
     * Stores one article revision with its symmetric related links and its entities.
     *
     * @return the revision the view holds for the article afterwards (the given one, or a newer one)
     */
    public Mono<Long> store(EnrichedArticle article, Instant indexedAt) {
        Generation target = active;
        Generation alsoTo = building;
        Mono<Long> stored = store(target, article, indexedAt);
        // the generation being built gets the same idempotent write: what arrives during a rebuild is in both
        return alsoTo == null || alsoTo == target ? stored
                : stored.flatMap(revision -> store(alsoTo, article, indexedAt).thenReturn(revision));
    }

    private static Mono<Long> store(Generation generation, EnrichedArticle article, Instant indexedAt) {
        MongoCollection<Document> articles = generation.articles();
        // the links the stored revision made, to withdraw those this revision no longer makes
        return Mono.from(articles.find(Filters.eq(ArticleDocuments.ID, article.id()))
                        .projection(Projections.include(ArticleDocuments.RELATED + ".id", ArticleDocuments.REVISION)).first())
                .map(stored -> stored.getList(ArticleDocuments.RELATED, Document.class, List.of()).stream()
                        .map(link -> link.getString("id")).filter(Objects::nonNull).collect(Collectors.toSet()))
                .defaultIfEmpty(Set.of())
                .flatMap(previousLinks -> write(generation, article, indexedAt, previousLinks));
    }

    private static Mono<Long> write(Generation generation, EnrichedArticle article, Instant indexedAt, Set<String> previousLinks) {
        MongoCollection<Document> articles = generation.articles();
        MongoCollection<Document> entities = generation.entities();
        long revision = article.revision();
        List<WriteModel<Document>> articleWrites = new ArrayList<>();
        // the revision guard: only a missing document, a stub made by a related link, or an older revision matches;
        // otherwise the upsert collides on _id and is ignored as stale
        articleWrites.add(new UpdateOneModel<>(
                Filters.and(Filters.eq(ArticleDocuments.ID, article.id()), olderThan(ArticleDocuments.REVISION, revision)),
                new Document("$set", ArticleDocuments.ownFields(article, Date.from(indexedAt))), UPSERT));
        String path = ArticleDocuments.RELATED_BY + "." + article.id();
        Set<String> linked = new HashSet<>();
        for (EnrichedArticle.Related link : article.related() == null ? List.<EnrichedArticle.Related>of() : article.related()) {
            if (link == null || link.id() == null || link.id().equals(article.id())) {
                continue;
            }
            linked.add(link.id());
            articleWrites.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq(ArticleDocuments.ID, link.id()), olderThan(path + "." + ArticleDocuments.REVISION, revision)),
                    Updates.set(path, ArticleDocuments.link(article.id(), article.title(), link.score(), link.reasons(), revision)),
                    UPSERT));
        }
        for (String withdrawn : previousLinks) {
            if (!linked.contains(withdrawn)) {
                articleWrites.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq(ArticleDocuments.ID, withdrawn), Filters.lt(path + "." + ArticleDocuments.REVISION, revision)),
                        // a tombstone, not an unset: a late replay of an older revision must not bring the link back
                        Updates.set(path, new Document(ArticleDocuments.REVISION, revision).append("withdrawn", true))));
            }
        }
        List<WriteModel<Document>> entityWrites = entityWrites(article);
        Mono<Boolean> articleWritten = bulk(articles, articleWrites).map(stale -> !stale.contains(0));
        Mono<Boolean> entitiesWritten = entityWrites.isEmpty() ? Mono.just(true) : bulk(entities, entityWrites).thenReturn(true);
        return Mono.zip(articleWritten, entitiesWritten)
                .flatMap(written -> written.getT1() ? Mono.just(revision) : heldRevision(articles, article.id()));
    }

    private static List<WriteModel<Document>> entityWrites(EnrichedArticle article) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Date seen = new Date(ArticleIndex.publishedMillis(article));
        for (EnrichedArticle.Entity entity : article.entities() == null ? List.<EnrichedArticle.Entity>of() : article.entities()) {
            if (entity == null || entity.id() == null || entity.id().isBlank()) {
                continue;
            }
            Set<String> aliases = new LinkedHashSet<>();
            if (entity.name() != null) {
                aliases.add(VietnameseText.nfc(entity.name()));
            }
            if (entity.aliases() != null) {
                entity.aliases().stream().filter(Objects::nonNull).map(VietnameseText::nfc).forEach(aliases::add);
            }
            List<String> keys = aliases.stream().map(VietnameseText::key).filter(key -> !key.isEmpty()).distinct().toList();
            writes.add(new UpdateOneModel<>(Filters.eq(ArticleDocuments.ID, entity.id()), Updates.combine(
                    Updates.set("name", entity.name()),
                    Updates.set("type", entity.type() == null ? null : entity.type().name()),
                    Updates.addEachToSet("aliases", new ArrayList<>(aliases)),
                    Updates.addEachToSet("aliasKeys", keys),
                    Updates.min("firstSeen", seen),
                    Updates.max("lastSeen", seen)), UPSERT));
        }
        return writes;
    }

    /** Matches a document whose guarded revision is older, or absent. */
    private static Bson olderThan(String field, long revision) {
        return Filters.or(Filters.lt(field, revision), Filters.exists(field, false));
    }

    /** Runs an unordered bulk write; returns the positions of writes that were stale (duplicate key). */
    private static Mono<Set<Integer>> bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        return Mono.from(collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                .map(result -> Set.<Integer>of())
                .onErrorResume(MongoBulkWriteException.class, error -> {
                    Set<Integer> stale = new HashSet<>();
                    for (BulkWriteError writeError : error.getWriteErrors()) {
                        if (ErrorCategory.fromErrorCode(writeError.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                            return Mono.error(error);
                        }
                        stale.add(writeError.getIndex());
                    }
                    return Mono.just(stale);
                });
    }

    private static Mono<Long> heldRevision(MongoCollection<Document> articles, String id) {
        return Mono.from(articles.find(Filters.eq(ArticleDocuments.ID, id))
                        .projection(Projections.include(ArticleDocuments.REVISION)).first())
                .map(doc -> ((Number) doc.get(ArticleDocuments.REVISION)).longValue())
                .defaultIfEmpty(-1L);
    }

    /** The article document; stubs made only by others' related links are not articles yet. */
    public Mono<Document> article(String id) {
        return Mono.from(active.articles().find(Filters.and(Filters.eq(ArticleDocuments.ID, id),
                Filters.exists(ArticleDocuments.REVISION))).first());
    }

    public Mono<Document> entity(String id) {
        return Mono.from(active.entities().find(Filters.eq(ArticleDocuments.ID, id)).first());
    }

    /** Entities whose name or an alias starts with the folded query, diacritics optional. */
    public Flux<Document> entitiesStartingWith(String query, String type, int limit) {
        List<Bson> filters = new ArrayList<>();
        String key = query == null ? "" : VietnameseText.key(query);
        if (!key.isEmpty()) {
            filters.add(Filters.regex("aliasKeys", "^" + Pattern.quote(key)));
        }
        if (type != null && !type.isBlank()) {
            filters.add(Filters.eq("type", type));
        }
        return Flux.from(active.entities().find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("lastSeen")).limit(limit));
    }

    public Mono<Long> articleCount(String entityId) {
        return Mono.from(active.articles().countDocuments(Filters.eq(ArticleDocuments.ENTITY_IDS, entityId)));
    }

    public Flux<Document> recentArticles(String entityId, int limit) {
        return Flux.from(active.articles().find(Filters.eq(ArticleDocuments.ENTITY_IDS, entityId))
                .projection(Projections.include("title", "lead", "publishedAt", "source"))
                .sort(Sorts.descending(ArticleDocuments.PUBLISHED_DATE)).limit(limit));
    }

    /** Entities mentioned together with the given one, most frequent first. */
    public Flux<Document> coOccurringEntities(String entityId, int limit) {
        return Flux.from(active.articles().aggregate(List.of(
                Aggregates.match(Filters.eq(ArticleDocuments.ENTITY_IDS, entityId)),
                Aggregates.unwind("$entities"),
                Aggregates.match(Filters.ne("entities.id", entityId)),
                Aggregates.group("$entities.id", Accumulators.first("name", "$entities.name"),
                        Accumulators.first("type", "$entities.type"), Accumulators.sum("count", 1)),
                Aggregates.sort(Sorts.descending("count")),
                Aggregates.limit(limit))));
    }

    /** Mentions per entity or tag among articles published in [from, to). {@code unwound} is "entities" or "tags". */
    public Flux<Document> counts(String unwound, Instant from, Instant to, int limit) {
        String key = unwound.equals("entities") ? "$entities.id" : "$tags.label";
        String name = unwound.equals("entities") ? "$entities.name" : "$tags.label";
        return Flux.from(active.articles().aggregate(List.of(
                Aggregates.match(Filters.and(Filters.gte(ArticleDocuments.PUBLISHED_DATE, Date.from(from)),
                        Filters.lt(ArticleDocuments.PUBLISHED_DATE, Date.from(to)))),
                Aggregates.unwind("$" + unwound),
                Aggregates.group(key, Accumulators.first("name", name), Accumulators.sum("count", 1)),
                Aggregates.sort(Sorts.descending("count")),
                Aggregates.limit(limit))));
    }
}
