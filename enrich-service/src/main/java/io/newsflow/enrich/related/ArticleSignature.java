package io.newsflow.enrich.related;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.text.VietnameseText;

/**
 * What an article is about, compact enough to keep for every recent article: its entities with
 * their weights, its key phrases, and a MinHash of its wording to spot re-publications.
 *
 * @param id        article id
 * @param title     title, for the related link
 * @param entities  entity id → weight (type weight × salience)
 * @param names     entity id → name, for the reasons
 * @param phrases   key phrase keys
 * @param minHash   bottom-k sketch (the smallest hashes) of the five-word shingles of title and body
 * @param storyId   the story the article belongs to
 * @param publishedAt when the article was published; null when unknown
 */
record ArticleSignature(String id, String title, Map<String, Double> entities, Map<String, String> names,
                        List<String> phrases, long[] minHash, String storyId, Instant publishedAt) {

    static final int MIN_HASHES = 128;
    private static final int SHINGLE_WORDS = 5;

    static ArticleSignature of(EnrichedArticle article, String storyId) {
        Map<String, Double> entities = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (EnrichedArticle.Entity entity : article.entities()) {
            double typeWeight = Settings.isSetting(entity.id()) ? typeWeight(EnrichedArticle.EntityType.LOCATION)
                    : typeWeight(entity.type());
            entities.put(entity.id(), typeWeight * (0.5 + 0.5 * entity.salience()));
            names.put(entity.id(), entity.name());
        }
        List<String> phrases = article.tags().stream().map(tag -> VietnameseText.key(tag.label())).toList();
        return new ArticleSignature(article.id(), article.title(), entities, names, phrases, minHash(article), storyId,
                instant(article.publishedAt()));
    }

    /** The same signature in the given story. */
    ArticleSignature inStory(String story) {
        return new ArticleSignature(id, title, entities, names, phrases, minHash, story, publishedAt);
    }

    private static Instant instant(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(publishedAt).toInstant();
        } catch (DateTimeParseException notAnOffsetTime) {
            return null;
        }
    }

    /** People and organisations say more about an event than the places (and local bodies) it happens in. */
    static double typeWeight(EnrichedArticle.EntityType type) {
        return switch (type) {
            case PERSON -> 1.0;
            case ORGANIZATION -> 0.8;
            case LOCATION -> 0.5;
        };
    }

    private static long[] minHash(EnrichedArticle article) {
        String text = VietnameseText.key((article.title() == null ? "" : article.title()) + " " + String.join(" ", article.body()));
        String[] words = text.isEmpty() ? new String[0] : text.split(" ");
        // bottom-k sketch: the k smallest shingle hashes; exact for short texts, unbiased for long ones
        java.util.TreeSet<Long> smallest = new java.util.TreeSet<>();
        List<String> shingles = new ArrayList<>();
        if (words.length <= SHINGLE_WORDS) {
            shingles.add(String.join(" ", words));
        } else {
            for (int start = 0; start + SHINGLE_WORDS <= words.length; start++) {
                shingles.add(String.join(" ", Arrays.asList(words).subList(start, start + SHINGLE_WORDS)));
            }
        }
        for (String shingle : shingles) {
            smallest.add(mix(fnv(shingle)));
            if (smallest.size() > MIN_HASHES) {
                smallest.pollLast();
            }
        }
        return smallest.stream().mapToLong(Long::longValue).toArray();
    }

    /** Estimated share of five-word shingles two articles have in common (bottom-k estimate of Jaccard). */
    double resemblance(ArticleSignature other) {
        java.util.TreeSet<Long> union = new java.util.TreeSet<>();
        for (long hash : minHash) {
            union.add(hash);
        }
        for (long hash : other.minHash) {
            union.add(hash);
        }
        java.util.Set<Long> mine = new java.util.HashSet<>();
        for (long hash : minHash) {
            mine.add(hash);
        }
        java.util.Set<Long> theirs = new java.util.HashSet<>();
        for (long hash : other.minHash) {
            theirs.add(hash);
        }
        int considered = 0;
        int shared = 0;
        for (long hash : union) {
            if (considered == MIN_HASHES) {
                break;
            }
            considered++;
            if (mine.contains(hash) && theirs.contains(hash)) {
                shared++;
            }
        }
        return considered == 0 ? 0 : (double) shared / considered;
    }

    List<String> topEntityIds(int limit) {
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(entities.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    private static long fnv(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
