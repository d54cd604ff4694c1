package io.newsflow.search.views;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.text.VietnameseText;
import io.newsflow.search.index.ArticleIndex;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Mapping between enriched articles, the {@code articles} view documents and the API's article resource. */
final class ArticleDocuments {

    static final String ID = "_id";
    static final String REVISION = "revision";
    static final String RELATED = "related";
    /** Links other articles made to this one, by their id: the symmetric half of {@code related}. */
    static final String RELATED_BY = "relatedBy";
    static final String ENTITY_IDS = "entityIds";
    static final String TAG_KEYS = "tagKeys";
    static final String TOPIC_CODES = "topicCodes";
    static final String PUBLISHED_DATE = "publishedDate";
    static final String INDEXED_AT = "indexedAt";

    /** The fields an article's own revision owns; {@code relatedBy} is written by the other articles. */
    static Document ownFields(EnrichedArticle article, Date indexedAt) {
        Document doc = new Document();
        doc.put("url", article.url());
        doc.put("source", article.source());
        doc.put("language", article.language());
        doc.put("title", article.title());
        doc.put("lead", article.lead());
        doc.put("body", nonNull(article.body()));
        doc.put("publishedAt", article.publishedAt());
        doc.put("section", article.section());
        doc.put("credit", article.credit());
        List<Document> entities = new ArrayList<>();
        for (EnrichedArticle.Entity entity : nonNull(article.entities())) {
            entities.add(new Document("id", entity.id()).append("name", entity.name())
                    .append("type", entity.type() == null ? null : entity.type().name())
                    .append("mentions", entity.mentions()).append("salience", entity.salience()));
        }
        doc.put("entities", entities);
        doc.put(ENTITY_IDS, nonNull(article.entities()).stream().map(EnrichedArticle.Entity::id)
                .filter(Objects::nonNull).distinct().toList());
        List<Document> tags = new ArrayList<>();
        for (EnrichedArticle.Tag tag : nonNull(article.tags())) {
            tags.add(new Document("label", tag.label()).append("score", tag.score()));
        }
        doc.put("tags", tags);
        doc.put(TAG_KEYS, nonNull(article.tags()).stream().map(EnrichedArticle.Tag::label).filter(Objects::nonNull)
                .map(VietnameseText::key).distinct().toList());
        List<Document> topics = new ArrayList<>();
        for (EnrichedArticle.Topic topic : nonNull(article.topics())) {
            topics.add(new Document("code", topic.code()).append("label", topic.label()));
        }
        doc.put("topics", topics);
        doc.put(TOPIC_CODES, nonNull(article.topics()).stream().map(EnrichedArticle.Topic::code)
                .filter(Objects::nonNull).distinct().toList());
        List<Document> related = new ArrayList<>();
        for (EnrichedArticle.Related link : nonNull(article.related())) {
            if (link.id() != null && !link.id().equals(article.id())) {
                related.add(link(link.id(), link.title(), link.score(), link.reasons(), article.revision()));
            }
        }
        doc.put(RELATED, related);
        doc.put("duplicateOf", article.duplicateOf());
        doc.put("storyId", article.storyId());
        doc.put(REVISION, article.revision());
        doc.put(PUBLISHED_DATE, new Date(ArticleIndex.publishedMillis(article)));
        doc.put("receivedAt", article.receivedAt());
        doc.put("enrichedAt", article.enrichedAt());
        doc.put(INDEXED_AT, indexedAt);
        return doc;
    }

    static Document link(String id, String title, double score, List<String> reasons, long revision) {
        return new Document("id", id).append("title", title).append("score", score)
                .append("reasons", nonNull(reasons)).append(REVISION, revision);
    }

    /** The API's article resource: named fields only, related links merged both ways, best first. */
    static Map<String, Object> toResource(Document doc) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", doc.getString(ID));
        for (String field : List.of("url", "source", "language", "title", "lead", "body", "publishedAt", "section",
                "credit", "entities", "tags", "topics")) {
            resource.put(field, doc.get(field));
        }
        resource.put("related", related(doc));
        resource.put("duplicateOf", doc.get("duplicateOf"));
        resource.put("storyId", doc.get("storyId"));
        resource.put("revision", doc.get(REVISION));
        Object indexedAt = doc.get(INDEXED_AT);
        resource.put("indexedAt", indexedAt instanceof Date date ? date.toInstant().toString() : null);
        return resource;
    }

    /** Own links and links made by others, one per article id (the higher score wins), best first. */
    static List<Map<String, Object>> related(Document doc) {
        Map<String, Document> byId = new LinkedHashMap<>();
        for (Document link : doc.getList(RELATED, Document.class, List.of())) {
            byId.merge(link.getString("id"), link, ArticleDocuments::better);
        }
        Document relatedBy = doc.get(RELATED_BY, Document.class);
        if (relatedBy != null) {
            for (Object value : relatedBy.values()) {
                if (value instanceof Document link && link.getString("id") != null) {
                    byId.merge(link.getString("id"), link, ArticleDocuments::better);
                }
            }
        }
        return byId.values().stream()
                .sorted(Comparator.comparingDouble(ArticleDocuments::score).reversed())
                .map(link -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", link.getString("id"));
                    out.put("title", link.getString("title"));
                    out.put("score", score(link));
                    out.put("reasons", link.getList("reasons", String.class, List.of()));
                    return out;
                })
                .toList();
    }

    private static Document better(Document a, Document b) {
        return score(b) > score(a) ? b : a;
    }

    private static double score(Document link) {
        Object score = link.get("score");
        return score instanceof Number number ? number.doubleValue() : 0;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private ArticleDocuments() {
    }
}
