package io.newsflow.enrich.tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.extraction.ExtractedArticle;
import io.newsflow.enrich.knowledge.ResourceLines;

/**
 * Key phrases and IPTC topics of an article. Phrases are runs of one to four syllables between
 * stopwords and punctuation, scored by where and how often they occur (title and lead weigh more,
 * longer phrases a little more); proper names are left to the entities. Topics are the IPTC Media
 * Topics whose keywords the article uses most. Thread-safe once built.
 */
public final class Tagger {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.,;:!?()\\[\\]\"“”‘’'«»|/…–—]+|\\s-\\s");
    private static final int MAX_PHRASE_WORDS = 4;
    /** Two- and three-syllable phrases are most Vietnamese words and terms; longer ones get a little credit. */
    private static final double[] LENGTH_FACTOR = {0, 0.8, 1.0, 1.1, 1.15};
    private static final double BOUNDARY_BONUS = 0.15;
    private static final double TITLE_WEIGHT = 3;
    private static final double LEAD_WEIGHT = 2;
    private static final double BODY_WEIGHT = 1;
    /** A phrase seen once, outside the title, says little about the article. */
    private static final double MIN_PHRASE_SCORE = 2;
    private static final double MIN_TOPIC_SCORE = 2;
    /** A phrase the article repeats is a phrase of the article; one seen once is often a chance run of words. */
    private static final int MIN_OCCURRENCES = 2;
    private static final int MAX_TOPICS = 3;

    public record Tagging(List<EnrichedArticle.Tag> tags, List<EnrichedArticle.Topic> topics) {
    }

    private record TopicRule(String code, String label, List<String> keywords) {
    }

    private final Set<String> stopwords;
    private final List<TopicRule> topics;
    private final Map<String, List<String>> topicsByKeyword = new HashMap<>();
    private final int maxKeywordWords;

    Tagger(Set<String> stopwords, List<TopicRule> topics) {
        this.stopwords = stopwords;
        this.topics = topics;
        int longest = 1;
        for (TopicRule topic : topics) {
            for (String keyword : topic.keywords()) {
                topicsByKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(topic.code());
                longest = Math.max(longest, keyword.split(" ").length);
            }
        }
        this.maxKeywordWords = longest;
    }

    public static Tagger withDefaults() {
        Set<String> stopwords = new HashSet<>();
        for (String file : List.of("language/stopwords-vi.txt", "language/stopwords-en.txt")) {
            for (String word : ResourceLines.lines(file)) {
                stopwords.add(word.toLowerCase(Locale.ROOT));
            }
        }
        List<TopicRule> topics = new ArrayList<>();
        for (String line : ResourceLines.lines("knowledge/iptc-media-topics.tsv")) {
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                throw new IllegalStateException("iptc-media-topics.tsv: expected code, label, keywords in: " + line);
            }
            List<String> keywords = List.of(columns[2].split("\\|")).stream().map(VietnameseText::key)
                    .filter(keyword -> !keyword.isEmpty()).distinct().toList();
            topics.add(new TopicRule(columns[0].strip(), columns[1].strip(), keywords));
        }
        return new Tagger(Set.copyOf(stopwords), List.copyOf(topics));
    }

    public Tagging tag(ExtractedArticle article, List<EnrichedArticle.Entity> entities, int maxTags) {
        Map<String, Double> weightedTexts = new LinkedHashMap<>();
        add(weightedTexts, article.title(), TITLE_WEIGHT);
        add(weightedTexts, article.lead(), LEAD_WEIGHT);
        for (String paragraph : article.body()) {
            if (!paragraph.equals(article.lead())) {
                weightedTexts.merge(VietnameseText.nfc(paragraph), BODY_WEIGHT, Double::sum);
            }
        }
        return new Tagging(phrases(weightedTexts, entities, maxTags), topics(weightedTexts));
    }

    private static void add(Map<String, Double> texts, String text, double weight) {
        if (text != null && !text.isBlank()) {
            texts.merge(VietnameseText.nfc(text), weight, Double::sum);
        }
    }

    private List<EnrichedArticle.Tag> phrases(Map<String, Double> texts, List<EnrichedArticle.Entity> entities,
                                              int maxTags) {
        Set<String> entityKeys = new HashSet<>();
        for (EnrichedArticle.Entity entity : entities) {
            entityKeys.add(VietnameseText.key(entity.name()));
            entity.aliases().forEach(alias -> entityKeys.add(VietnameseText.key(alias)));
        }
        Map<String, Double> scores = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        Set<String> namedKeys = new HashSet<>();
        // an article repeats its words: fold each distinct word once
        Map<String, String> wordKeys = new HashMap<>();
        for (Map.Entry<String, Double> text : texts.entrySet()) {
            for (String clause : CLAUSE_BREAK.split(text.getKey())) {
                for (List<String> chunk : chunks(clause)) {
                    collect(chunk, text.getValue(), entityKeys, scores, surfaces, namedKeys, wordKeys);
                }
            }
        }
        List<Map.Entry<String, Double>> ranked = scores.entrySet().stream()
                .filter(entry -> entry.getValue() >= MIN_PHRASE_SCORE)
                // written with capitals inside a sentence somewhere: a title or a name ("Bí thư")
                .filter(entry -> !namedKeys.contains(entry.getKey()))
                .filter(entry -> surfaces.get(entry.getKey()).values().stream().mapToInt(Integer::intValue).sum()
                        >= MIN_OCCURRENCES)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<String> chosen = new ArrayList<>();
        List<EnrichedArticle.Tag> tags = new ArrayList<>();
        double best = ranked.isEmpty() ? 1 : ranked.get(0).getValue();
        for (Map.Entry<String, Double> candidate : ranked) {
            if (tags.size() >= maxTags) {
                break;
            }
            String key = candidate.getKey();
            // "hợp tác" and "tăng cường hợp tác" say the same: keep the better one
            if (chosen.stream().anyMatch(other -> overlaps(other, key))) {
                continue;
            }
            chosen.add(key);
            tags.add(new EnrichedArticle.Tag(label(surfaces.get(key)), Math.round(candidate.getValue() / best * 100) / 100.0));
        }
        return tags;
    }

    /**
     * Runs of words between stopwords: the candidate phrases live inside them. The first word of a
     * clause loses its sentence capital, so that only names keep capitals.
     */
    private List<List<String>> chunks(String clause) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Matcher word = WORD.matcher(clause);
        boolean clauseStart = true;
        while (word.find()) {
            String surface = word.group();
            if (clauseStart && !isAbbreviation(surface)) {
                surface = surface.substring(0, 1).toLowerCase(Locale.ROOT) + surface.substring(1);
            }
            clauseStart = false;
            if (stopwords.contains(surface.toLowerCase(Locale.ROOT)) || Character.isDigit(surface.codePointAt(0))) {
                if (!current.isEmpty()) {
                    chunks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(surface);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static void collect(List<String> chunk, double weight, Set<String> entityKeys, Map<String, Double> scores,
                                Map<String, Map<String, Integer>> surfaces, Set<String> namedKeys,
                                Map<String, String> wordKeys) {
        List<String> keys = chunk.stream().map(word -> wordKeys.computeIfAbsent(word, Tagger::wordKey)).toList();
        for (int from = 0; from < chunk.size(); from++) {
            for (int length = 1; length <= MAX_PHRASE_WORDS && from + length <= chunk.size(); length++) {
                List<String> words = chunk.subList(from, from + length);
                if (!isPhrase(words)) {
                    if (words.stream().anyMatch(word -> Character.isUpperCase(word.codePointAt(0)))) {
                        namedKeys.add(String.join(" ", keys.subList(from, from + length)));
                    }
                    continue;
                }
                String surface = String.join(" ", words);
                String key = String.join(" ", keys.subList(from, from + length));
                if (entityKeys.contains(key)) {
                    continue;
                }
                // phrases the stopwords bound on a side are more likely whole terms than cuts inside a run
                double bounded = 1 + (from == 0 ? BOUNDARY_BONUS : 0) + (from + length == chunk.size() ? BOUNDARY_BONUS : 0);
                scores.merge(key, weight * LENGTH_FACTOR[length] * bounded, Double::sum);
                surfaces.computeIfAbsent(key, k -> new HashMap<>()).merge(surface, 1, Integer::sum);
            }
        }
    }

    /**
     * A phrase worth tagging: no proper name or title in it (the entities' business),
     * and not a lone Vietnamese syllable (words are mostly two syllables; one is too vague).
     */
    private static boolean isPhrase(List<String> words) {
        // capitals inside a sentence mark names and titles ("Bí thư Thành ủy"), which entities cover
        if (words.stream().anyMatch(word -> Character.isUpperCase(word.codePointAt(0)))) {
            return false;
        }
        if (words.size() == 1) {
            String word = words.get(0);
            boolean ascii = word.chars().allMatch(c -> c < 0x80);
            // a single English word can be a topic ("freight"); a single Vietnamese syllable cannot
            return ascii && word.length() >= 5;
        }
        return true;
    }

    /**
     * Phrases that share words: one inside the other, or one running into the other
     * ("bóng đá giành" and "giành huy chương"). Without a word segmenter the better-scored one stands
     * for both.
     */
    static boolean overlaps(String first, String second) {
        if ((" " + first + " ").contains(" " + second + " ") || (" " + second + " ").contains(" " + first + " ")) {
            return true;
        }
        return runsInto(first.split(" "), second.split(" ")) || runsInto(second.split(" "), first.split(" "));
    }

    private static boolean runsInto(String[] left, String[] right) {
        for (int shared = 1; shared < Math.min(left.length, right.length) + 1; shared++) {
            boolean match = true;
            for (int i = 0; i < shared && match; i++) {
                match = left[left.length - shared + i].equals(right[i]);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The folded key of one word; plain ASCII words skip the Unicode folding. */
    private static String wordKey(String word) {
        return word.chars().allMatch(c -> c < 0x80) ? word.toLowerCase(Locale.ROOT) : VietnameseText.fold(word);
    }

    private static boolean isAbbreviation(String word) {
        return word.length() > 1 && word.codePoints().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
    }

    /** The way the article writes the phrase most often, preferring lower case on ties. */
    private static String label(Map<String, Integer> surfaces) {
        return surfaces.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(entry -> entry.getKey().equals(entry.getKey().toLowerCase(Locale.ROOT))))
                .map(Map.Entry::getKey)
                .orElseThrow();
    }

    private List<EnrichedArticle.Topic> topics(Map<String, Double> texts) {
        Map<String, Double> scores = new HashMap<>();
        for (Map.Entry<String, Double> text : texts.entrySet()) {
            String[] words = VietnameseText.key(text.getKey()).split(" ");
            for (int from = 0; from < words.length; from++) {
                StringBuilder phrase = new StringBuilder();
                for (int length = 1; length <= maxKeywordWords && from + length <= words.length; length++) {
                    if (length > 1) {
                        phrase.append(' ');
                    }
                    phrase.append(words[from + length - 1]);
                    for (String code : topicsByKeyword.getOrDefault(phrase.toString(), List.of())) {
                        scores.merge(code, text.getValue(), Double::sum);
                    }
                }
            }
        }
        List<TopicRule> ranked = topics.stream()
                .filter(topic -> scores.getOrDefault(topic.code(), 0.0) > 0)
                .sorted(Comparator.comparingDouble((TopicRule topic) -> scores.get(topic.code())).reversed())
                .toList();
        List<EnrichedArticle.Topic> chosen = new ArrayList<>();
        for (TopicRule topic : ranked) {
            boolean strongEnough = scores.get(topic.code()) >= MIN_TOPIC_SCORE
                    && scores.get(topic.code()) >= scores.get(ranked.get(0).code()) / 3;
            if (chosen.size() < MAX_TOPICS && (chosen.isEmpty() || strongEnough)) {
                chosen.add(new EnrichedArticle.Topic(topic.code(), topic.label()));
            }
        }
        return chosen;
    }

}
