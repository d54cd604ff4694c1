package io.newsflow.enrich.tags;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.knowledge.WordCharacters;
import io.newsflow.enrich.extraction.ExtractedArticle;
import io.newsflow.enrich.knowledge.ResourceLines;
import io.newsflow.enrich.knowledge.Vocabulary;

/**
 * Key phrases and IPTC topics of an article. Phrases are runs of one to four syllables between
 * stopwords and punctuation, scored by where and how often they occur (title and lead weigh more,
 * longer phrases a little more), then weighted by their inverse document frequency in the corpus seen
 * so far ({@link PhraseStatistics}), so that phrases every article uses fall below the ones that set
 * this article apart; with an empty corpus the article's own scores stand. Proper names are left to
 * the entities. Topics are the IPTC Media Topics whose keywords the article uses most. Thread-safe
 * once built.
 */
public final class Tagger {

    /** Punctuation that ends a clause; a dash between spaces does too (see isClauseBreak). */
    private static final String CLAUSE_BREAKS = ".,;:!?()[]\"“”‘’'«»|/…–—";
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
    /** The best-scored candidates are weighed against the corpus (one MongoDB query); the rest never win. */
    private static final int MAX_PHRASES_LOOKED_UP = 200;
    /** Spellings classified once and kept (see {@link Vocabulary}). */
    private static final int VOCABULARY_SLOTS = 1 << 17;
    private static final int NAME_SLOTS = 1 << 14;

    /**
     * Tags and topics of an article.
     *
     * @param phraseKeys the folded candidate phrases that were weighed against the corpus, to be
     *                   counted into it by {@link #remember(Tagging)}
     */
    public record Tagging(List<EnrichedArticle.Tag> tags, List<EnrichedArticle.Topic> topics, List<String> phraseKeys) {
    }

    private record TopicRule(String code, String label, List<String> keywords) {
    }

    /** One keyword of one topic, as folded words. */
    private record TopicKeyword(String code, String[] words) {

        boolean matchesAt(List<Word> text, int from) {
            if (from + words.length > text.size()) {
                return false;
            }
            for (int i = 1; i < words.length; i++) {
                if (!words[i].equals(text.get(from + i).key())) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Set<String> stopwords;
    private final List<TopicRule> topics;
    private final Map<String, List<TopicKeyword>> keywordsByFirstWord = new HashMap<>();
    private final PhraseStatistics statistics;
    private final Vocabulary<Word> vocabulary = new Vocabulary<>(VOCABULARY_SLOTS, this::classify);
    /** Entity names and aliases as phrases: the same few thousand names (most from the knowledge base) recur in every article. */
    private final Vocabulary<Phrase> nameKeys = new Vocabulary<>(NAME_SLOTS, name -> Phrase.of(VietnameseText.key(name).split(" ")));

    Tagger(Set<String> stopwords, List<TopicRule> topics, PhraseStatistics statistics) {
        this.stopwords = stopwords;
        this.topics = topics;
        this.statistics = statistics;
        for (TopicRule topic : topics) {
            for (String keyword : topic.keywords()) {
                String[] words = keyword.split(" ");
                keywordsByFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new TopicKeyword(topic.code(), words));
            }
        }
    }

    /** The tagger with the shipped stopwords and topics, and no corpus: phrases are scored by the article alone. */
    public static Tagger withDefaults() {
        return withDefaults(PhraseStatistics.none());
    }

    /** The tagger with the shipped stopwords and topics, weighing phrases against the corpus in {@code statistics}. */
    public static Tagger withDefaults(PhraseStatistics statistics) {
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
        return new Tagger(Set.copyOf(stopwords), List.copyOf(topics), statistics);
    }

    public Tagging tag(ExtractedArticle article, List<EnrichedArticle.Entity> entities, int maxTags) {
        Map<String, Double> weightedTexts = new LinkedHashMap<>();
        add(weightedTexts, article.title(), TITLE_WEIGHT);
        add(weightedTexts, article.lead(), LEAD_WEIGHT);
        for (String paragraph : article.body()) {
            if (!paragraph.equals(article.lead())) {
                weightedTexts.merge(nfc(paragraph), BODY_WEIGHT, Double::sum);
            }
        }
        // every text is scanned once; a spelling is classified once for all articles
        List<ScannedText> scanned = new ArrayList<>(weightedTexts.size());
        weightedTexts.forEach((text, weight) -> scanned.add(scan(text, weight)));
        PhraseRanking ranking = phrases(scanned, entities, maxTags);
        return new Tagging(ranking.tags(), topics(scanned), ranking.consideredKeys());
    }

    /**
     * Counts the article's candidate phrases into the corpus statistics, so that later articles weigh
     * phrases every article uses below their own. Call once the article is enriched.
     */
    public void remember(Tagging tagging) {
        if (!tagging.phraseKeys().isEmpty()) {
            statistics.record(tagging.phraseKeys());
        }
    }

    private static void add(Map<String, Double> texts, String text, double weight) {
        if (text != null && !text.isBlank()) {
            texts.merge(nfc(text), weight, Double::sum);
        }
    }

    /** Extraction already hands over NFC text: checking is cheaper than normalising again. */
    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : VietnameseText.nfc(text);
    }

    /**
     * One spelling of a word as the article writes it, classified once: its key with the key's hash
     * (phrases are hashed word by word), and the topic keywords that start with it.
     */
    private record Word(String surface, String key, int keyHash, boolean breaksChunk, boolean capitalised,
                        boolean taggableAlone, List<TopicKeyword> topicKeywords) {
    }

    /**
     * A text as clauses of words (for phrases) and as its run of folded words ignoring punctuation
     * (for topic keywords, which match across commas the way the text's matching key does).
     */
    private record ScannedText(double weight, List<List<Word>> clauses, List<Word> words) {
    }

    private record PhraseRanking(List<EnrichedArticle.Tag> tags, List<String> consideredKeys) {
    }

    /**
     * A phrase as its folded words: the n-grams of an article are counted by their words, so that the
     * phrase's text is written out only for the few phrases that can become tags.
     */
    private static final class Phrase {
        /** The phrase without its last word; null for a one-word phrase. */
        private final Phrase shorter;
        private final String last;
        private final int length;
        /** {@code Arrays.hashCode} of the words, built up word by word. */
        private final int hash;

        private Phrase(Phrase shorter, String last, int lastHash) {
            this.shorter = shorter;
            this.last = last;
            this.length = shorter == null ? 1 : shorter.length + 1;
            this.hash = 31 * (shorter == null ? 1 : shorter.hash) + lastHash;
        }

        /** The phrase {@code shorter} extended by the word {@code next}: no copy of the words before. */
        static Phrase of(Phrase shorter, String next, int nextHash) {
            return new Phrase(shorter, next, nextHash);
        }

        static Phrase of(String[] words) {
            Phrase phrase = null;
            for (String word : words) {
                phrase = new Phrase(phrase, word, word.hashCode());
            }
            return phrase;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Phrase phrase) || phrase.hash != hash || phrase.length != length) {
                return false;
            }
            Phrase mine = this;
            while (mine != null) {
                if (mine != phrase && !mine.last.equals(phrase.last)) {
                    return false;
                }
                if (mine == phrase) {
                    return true;
                }
                mine = mine.shorter;
                phrase = phrase.shorter;
            }
            return true;
        }

        /** The phrase's key: its folded words separated by single spaces. */
        @Override
        public String toString() {
            String[] words = new String[length];
            Phrase phrase = this;
            for (int i = length - 1; i >= 0; i--) {
                words[i] = phrase.last;
                phrase = phrase.shorter;
            }
            return String.join(" ", words);
        }
    }

    /**
     * Score, occurrences and spellings of one candidate phrase in the article; {@code named} when it is
     * written with capitals inside a sentence somewhere.
     */
    private static final class Candidate {
        private double score;
        private int occurrences;
        private boolean named;
        private String key;
        /** Each spelling once, in the order of first use, with its count. */
        /** Made when the phrase is first counted: most n-grams are named-only or written one way. */
        private List<Word[]> spellings;
        private List<int[]> spellingCounts;

        String key(Phrase phrase) {
            if (key == null) {
                key = phrase.toString();
            }
            return key;
        }

        void countSpelling(List<Word> chunk, int from, int length) {
            if (spellings == null) {
                spellings = new ArrayList<>(1);
                spellingCounts = new ArrayList<>(1);
            }
            for (int s = 0; s < spellings.size(); s++) {
                if (sameSpelling(spellings.get(s), chunk, from, length)) {
                    spellingCounts.get(s)[0]++;
                    return;
                }
            }
            spellings.add(chunk.subList(from, from + length).toArray(new Word[0]));
            spellingCounts.add(new int[] {1});
        }

        private static boolean sameSpelling(Word[] spelling, List<Word> chunk, int from, int length) {
            for (int i = 0; i < length; i++) {
                Word word = chunk.get(from + i);
                if (spelling[i] != word && !spelling[i].surface().equals(word.surface())) {
                    return false;
                }
            }
            return true;
        }

        /** The spellings and their counts, as a map filled in the order the article first used them. */
        Map<String, Integer> surfaces() {
            Map<String, Integer> surfaces = new HashMap<>(4);
            for (int s = 0; s < spellings.size(); s++) {
                StringBuilder surface = new StringBuilder();
                for (Word word : spellings.get(s)) {
                    if (surface.length() > 0) {
                        surface.append(' ');
                    }
                    surface.append(word.surface());
                }
                surfaces.put(surface.toString(), spellingCounts.get(s)[0]);
            }
            return surfaces;
        }
    }

    /**
     * Splits a text into clauses and words in one pass: the words are runs of letters, marks and
     * digits; a clause ends at sentence or clause punctuation, brackets, quotes, slashes and a
     * spaced dash. The first word of a clause loses its sentence capital, so that only names keep
     * capitals.
     */
    private ScannedText scan(String text, double weight) {
        List<List<Word>> clauses = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Word> clause = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            int codePoint = text.codePointAt(i);
            if (WordCharacters.isWordPart(codePoint)) {
                int start = i;
                do {
                    i += Character.charCount(codePoint);
                    codePoint = i < length ? text.codePointAt(i) : ' ';
                } while (i < length && WordCharacters.isWordPart(codePoint));
                Word word;
                char first = text.charAt(start);
                // lower-casing a first character that is its own lower case changes nothing: such a word
                // is looked up where it stands
                if (clause.isEmpty() && Character.toLowerCase(first) != first && !isAbbreviation(text, start, i)) {
                    String surface = text.substring(start, i);
                    word = vocabulary.of(surface.substring(0, 1).toLowerCase(Locale.ROOT) + surface.substring(1));
                } else {
                    word = vocabulary.of(text, start, i);
                }
                clause.add(word);
                words.add(word);
                continue;
            }
            if (isClauseBreak(text, i, codePoint) && !clause.isEmpty()) {
                clauses.add(clause);
                clause = new ArrayList<>();
            }
            i += Character.charCount(codePoint);
        }
        if (!clause.isEmpty()) {
            clauses.add(clause);
        }
        return new ScannedText(weight, clauses, words);
    }

    private Word classify(String surface) {
        String key = wordKey(surface);
        boolean breaksChunk = stopwords.contains(surface.toLowerCase(Locale.ROOT)) || Character.isDigit(surface.codePointAt(0));
        boolean capitalised = Character.isUpperCase(surface.codePointAt(0));
        // a single English word can be a topic ("freight"); a single Vietnamese syllable cannot
        boolean taggableAlone = surface.chars().allMatch(c -> c < 0x80) && surface.length() >= 5;
        return new Word(surface, key, key.hashCode(), breaksChunk, capitalised, taggableAlone, keywordsByFirstWord.get(key));
    }

    private static boolean isClauseBreak(String text, int index, int codePoint) {
        if (codePoint == '-') {
            // a spaced dash joins two clauses ("Hà Nội - Hải Phòng"); a hyphen inside a word does not
            return index > 0 && index + 1 < text.length() && isSpace(text.charAt(index - 1)) && isSpace(text.charAt(index + 1));
        }
        return codePoint < 0x10000 && CLAUSE_BREAKS.indexOf(codePoint) >= 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private PhraseRanking phrases(List<ScannedText> texts, List<EnrichedArticle.Entity> entities, int maxTags) {
        Set<Phrase> entityKeys = new HashSet<>();
        for (EnrichedArticle.Entity entity : entities) {
            entityKeys.add(nameKeys.of(entity.name()));
            for (String alias : entity.aliases()) {
                entityKeys.add(nameKeys.of(alias));
            }
        }
        // an article of a few thousand words has a few thousand n-grams: sized once, not grown step by step
        Map<Phrase, Candidate> candidates = new HashMap<>(4096);
        List<Word> chunk = new ArrayList<>();
        for (ScannedText text : texts) {
            for (List<Word> clause : text.clauses()) {
                // runs of words between stopwords: the candidate phrases live inside them
                for (Word word : clause) {
                    if (word.breaksChunk()) {
                        collect(chunk, text.weight(), entityKeys, candidates);
                        chunk.clear();
                    } else {
                        chunk.add(word);
                    }
                }
                collect(chunk, text.weight(), entityKeys, candidates);
                chunk.clear();
            }
        }
        List<Map.Entry<Phrase, Candidate>> eligible = new ArrayList<>();
        for (Map.Entry<Phrase, Candidate> entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            // written with capitals inside a sentence somewhere: a title or a name ("Bí thư")
            if (candidate.score >= MIN_PHRASE_SCORE && candidate.occurrences >= MIN_OCCURRENCES && !candidate.named) {
                eligible.add(entry);
            }
        }
        eligible.sort(Comparator.comparingDouble((Map.Entry<Phrase, Candidate> entry) -> entry.getValue().score)
                .reversed().thenComparing(entry -> entry.getValue().key(entry.getKey())));
        if (eligible.size() > MAX_PHRASES_LOOKED_UP) {
            eligible = eligible.subList(0, MAX_PHRASES_LOOKED_UP);
        }
        List<String> consideredKeys = new ArrayList<>(eligible.size());
        Map<String, Candidate> byKey = new HashMap<>();
        for (Map.Entry<Phrase, Candidate> entry : eligible) {
            String key = entry.getValue().key(entry.getKey());
            consideredKeys.add(key);
            byKey.put(key, entry.getValue());
        }
        consideredKeys = List.copyOf(consideredKeys);
        PhraseStatistics.Frequencies corpus = consideredKeys.isEmpty() ? PhraseStatistics.Frequencies.EMPTY
                : statistics.frequencies(consideredKeys);
        Map<String, Double> weighted = new HashMap<>();
        for (String key : consideredKeys) {
            weighted.put(key, byKey.get(key).score * corpus.inverseDocumentFrequency(key));
        }
        List<String> ranked = new ArrayList<>(consideredKeys);
        ranked.sort(Comparator.comparingDouble((String key) -> weighted.get(key)).reversed().thenComparing(key -> key));
        List<String[]> chosen = new ArrayList<>();
        List<EnrichedArticle.Tag> tags = new ArrayList<>();
        double best = ranked.isEmpty() ? 1 : weighted.get(ranked.get(0));
        for (String key : ranked) {
            if (tags.size() >= maxTags) {
                break;
            }
            String[] words = key.split(" ");
            // "hợp tác" and "tăng cường hợp tác" say the same: keep the better one
            if (overlapsAny(chosen, words)) {
                continue;
            }
            chosen.add(words);
            tags.add(new EnrichedArticle.Tag(label(byKey.get(key).surfaces()), Math.round(weighted.get(key) / best * 100) / 100.0));
        }
        return new PhraseRanking(tags, consideredKeys);
    }

    private static boolean overlapsAny(List<String[]> chosen, String[] words) {
        for (String[] other : chosen) {
            if (overlaps(other, words)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(List<Word> chunk, double weight, Set<Phrase> entityKeys, Map<Phrase, Candidate> candidates) {
        int size = chunk.size();
        for (int from = 0; from < size; from++) {
            Phrase phrase = null;
            boolean capitalised = false;
            for (int length = 1; length <= MAX_PHRASE_WORDS && from + length <= size; length++) {
                Word word = chunk.get(from + length - 1);
                phrase = Phrase.of(phrase, word.key(), word.keyHash());
                // capitals inside a sentence mark names and titles ("Bí thư Thành ủy"), which entities cover
                capitalised |= word.capitalised();
                if (capitalised) {
                    candidates.computeIfAbsent(phrase, k -> new Candidate()).named = true;
                    continue;
                }
                if (length == 1 && !word.taggableAlone()) {
                    // not a lone Vietnamese syllable: words are mostly two syllables, one is too vague
                    continue;
                }
                if (entityKeys.contains(phrase)) {
                    continue;
                }
                // phrases the stopwords bound on a side are more likely whole terms than cuts inside a run
                double bounded = 1 + (from == 0 ? BOUNDARY_BONUS : 0) + (from + length == size ? BOUNDARY_BONUS : 0);
                Candidate candidate = candidates.computeIfAbsent(phrase, k -> new Candidate());
                candidate.score += weight * LENGTH_FACTOR[length] * bounded;
                candidate.occurrences++;
                candidate.countSpelling(chunk, from, length);
            }
        }
    }

    /**
     * Phrases that share words: one inside the other, or one running into the other
     * ("bóng đá giành" and "giành huy chương"). Without a word segmenter the better-scored one stands
     * for both.
     */
    static boolean overlaps(String first, String second) {
        return overlaps(first.split(" "), second.split(" "));
    }

    private static boolean overlaps(String[] first, String[] second) {
        return contains(first, second) || contains(second, first) || runsInto(first, second) || runsInto(second, first);
    }

    /** The words of {@code inner} appear in a row inside {@code outer}. */
    private static boolean contains(String[] outer, String[] inner) {
        for (int start = 0; start + inner.length <= outer.length; start++) {
            boolean match = true;
            for (int i = 0; i < inner.length && match; i++) {
                match = outer[start + i].equals(inner[i]);
            }
            if (match) {
                return true;
            }
        }
        return false;
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

    /** {@code text[start, end)} is more than one character, every letter a capital ("UBND", "ASEAN"). */
    private static boolean isAbbreviation(String text, int start, int end) {
        if (end - start <= 1) {
            return false;
        }
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The way the article writes the phrase most often, preferring lower case on ties. */
    private static String label(Map<String, Integer> surfaces) {
        return surfaces.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(entry -> entry.getKey().equals(entry.getKey().toLowerCase(Locale.ROOT))))
                .map(Map.Entry::getKey)
                .orElseThrow();
    }

    private List<EnrichedArticle.Topic> topics(List<ScannedText> texts) {
        Map<String, Double> scores = new HashMap<>();
        for (ScannedText text : texts) {
            List<Word> words = text.words();
            for (int from = 0; from < words.size(); from++) {
                // each word knows the keywords that start with it: no lookup, no phrase strings built
                List<TopicKeyword> keywords = words.get(from).topicKeywords();
                if (keywords == null) {
                    continue;
                }
                for (TopicKeyword keyword : keywords) {
                    if (keyword.matchesAt(words, from)) {
                        scores.merge(keyword.code(), text.weight(), Double::sum);
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
