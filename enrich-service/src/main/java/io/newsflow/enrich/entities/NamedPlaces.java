package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.newsflow.contract.EnrichedArticle.EntityType;
import io.newsflow.enrich.knowledge.ResourceLines;

/**
 * Kinds of places and schools that take their name from a person or another place, from
 * {@code knowledge/named-places.tsv}: "cầu Trần Thị Lý", "đường Nguyễn Huệ", "Nguyen Hue Street",
 * "trường THPT Lê Quý Đôn". The name after the kind (or before its English kind words) is the place's.
 */
final class NamedPlaces {

    static final String RESOURCE = "knowledge/named-places.tsv";

    /**
     * One kind of place.
     *
     * @param words        the kind as Vietnamese text writes it
     * @param type         what the named thing is
     * @param withKind     the kind is part of the name and its id ("cầu Trần Hưng Đạo")
     * @param english      the English kind words written after the name, each as words
     * @param notAfter     words that, right before the kind, make it part of another word
     */
    record Kind(List<Token> words, EntityType type, boolean withKind, List<List<Token>> english, List<Token> notAfter) {

        /** The id's words for the kind, so that "Tran Hung Dao Bridge" and "cầu Trần Hưng Đạo" are one id. */
        String slug() {
            return words.stream().map(Token::key).collect(Collectors.joining("-"));
        }
    }

    /** A kind found in the text: {@code from} and {@code to} are the kind's own words. */
    record Found(Kind kind, int from, int to) {
    }

    private final Map<String, List<Kind>> byFirstWord = new HashMap<>();
    private final Map<String, List<Kind>> byLastEnglishWord = new HashMap<>();

    private NamedPlaces(List<String> lines) {
        List<Kind> kinds = new ArrayList<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length < 4) {
                throw new IllegalStateException(RESOURCE + ": expected kind, type, with-kind|name-only, English kinds in: " + line);
            }
            List<List<Token>> english = Arrays.stream(columns[3].split("\\|")).map(String::strip)
                    .filter(form -> !form.isEmpty()).map(Token::of).toList();
            List<Token> notAfter = columns.length > 4
                    ? Arrays.stream(columns[4].split("\\|")).map(String::strip).filter(word -> !word.isEmpty())
                            .map(word -> Token.of(word).get(0)).toList()
                    : List.of();
            kinds.add(new Kind(Token.of(columns[0].strip()), EntityType.valueOf(columns[1].strip()),
                    columns[2].strip().equals("with-kind"), english, notAfter));
        }
        // longest first, so that "trường THPT" wins over "trường"
        kinds.sort((one, other) -> Integer.compare(other.words().size(), one.words().size()));
        for (Kind kind : kinds) {
            byFirstWord.computeIfAbsent(kind.words().get(0).key(), key -> new ArrayList<>()).add(kind);
            for (List<Token> form : kind.english()) {
                byLastEnglishWord.computeIfAbsent(form.get(form.size() - 1).key(), key -> new ArrayList<>()).add(kind);
            }
        }
        byLastEnglishWord.values().forEach(list -> list.sort((one, other) -> Integer.compare(
                longestEnglish(other), longestEnglish(one))));
    }

    static NamedPlaces load() {
        return new NamedPlaces(ResourceLines.lines(RESOURCE));
    }

    private static int longestEnglish(Kind kind) {
        return kind.english().stream().mapToInt(List::size).max().orElse(0);
    }

    /** The longest kind written at {@code at} in Vietnamese, unless the word before makes it another word. */
    Found kindAt(List<Token> tokens, int at) {
        List<Kind> candidates = byFirstWord.get(tokens.get(at).key());
        if (candidates == null) {
            return null;
        }
        for (Kind kind : candidates) {
            int length = kind.words().size();
            if (matches(kind.words(), tokens, at) && !partOfAnotherWord(kind, tokens, at)) {
                return new Found(kind, at, at + length);
            }
        }
        return null;
    }

    /** The kind whose English words end with the word at {@code last} ("Street", "High School"). */
    Found englishKindEndingAt(List<Token> tokens, int last) {
        List<Kind> candidates = byLastEnglishWord.get(tokens.get(last).key());
        if (candidates == null || !tokens.get(last).capitalised()) {
            return null;
        }
        Found best = null;
        for (Kind kind : candidates) {
            for (List<Token> form : kind.english()) {
                int from = last + 1 - form.size();
                if (from >= 0 && (best == null || from < best.from()) && matches(form, tokens, from)
                        && tokens.subList(from, last + 1).stream().allMatch(Token::capitalised)) {
                    best = new Found(kind, from, last + 1);
                }
            }
        }
        return best;
    }

    private static boolean matches(List<Token> words, List<Token> tokens, int at) {
        if (at + words.size() > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            Token token = tokens.get(at + i);
            Token word = words.get(i);
            if (!token.writes(word.lower(), word.key()) || (i > 0 && token.hardBreakBefore())) {
                return false;
            }
        }
        return true;
    }

    private static boolean partOfAnotherWord(Kind kind, List<Token> tokens, int at) {
        if (at == 0 || tokens.get(at).hardBreakBefore()) {
            return false;
        }
        // written as the data writes it: unmarked "qua" (through) is not "quả"
        String before = tokens.get(at - 1).lower();
        return kind.notAfter().stream().anyMatch(word -> before.equals(word.lower()));
    }
}
