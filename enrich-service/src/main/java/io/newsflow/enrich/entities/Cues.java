package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;

import io.newsflow.enrich.knowledge.ResourceLines;

/** Cue words before names and Vietnamese surnames, from {@code knowledge/cues.txt}. */
final class Cues {

    static final String RESOURCE = "knowledge/cues.txt";

    /** The kinds of cue words, each a section of the file. */
    enum Kind {
        PERSON("person-cues"), LOCATION("location-cues"), ORGANIZATION("organization-cues"), NAME_ENDER("name-enders"),
        LOCATION_SUFFIX("location-suffixes"), ORGANIZATION_SUFFIX("organization-suffixes"), CONJUNCTION("conjunctions"),
        TITLE_LINK("title-links");

        private final String section;

        Kind(String section) {
            this.section = section;
        }
    }

    private final List<Map<String, List<List<Token>>>> byKind;
    private final Map<String, List<Token>> surnames;
    private final java.util.Set<List<String>> ampersandTerms;

    private Cues(Map<String, List<String>> data) {
        List<Map<String, List<List<Token>>>> kinds = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            kinds.add(keys(data, kind.section));
        }
        byKind = List.copyOf(kinds);
        surnames = keys(data, "surnames").values().stream().flatMap(List::stream).map(words -> words.get(0))
                .collect(Collectors.groupingBy(Token::key));
        ampersandTerms = keys(data, "ampersand-terms").values().stream().flatMap(List::stream)
                .map(words -> words.stream().map(Token::key).toList()).collect(Collectors.toUnmodifiableSet());
    }

    /** "R&D", "M&A": a field or practice written with an ampersand, not an organisation's name. */
    boolean isAmpersandTerm(List<Token> words) {
        return ampersandTerms.contains(words.stream().map(Token::key).toList());
    }

    static Cues load() {
        return new Cues(ResourceLines.sections(RESOURCE));
    }

    /** Cues by their first folded word, longest first, so that each word looks up only its own cues. */
    private static Map<String, List<List<Token>>> keys(Map<String, List<String>> data, String section) {
        List<String> cues = data.get(section);
        if (cues == null) {
            throw new IllegalStateException(RESOURCE + " has no [" + section + "] section");
        }
        return cues.stream()
                .map(Token::of)
                .filter(words -> !words.isEmpty())
                .sorted(Comparator.comparingInt((List<Token> words) -> words.size()).reversed())
                .collect(Collectors.groupingBy(words -> words.get(0).key(), Collectors.toList()));
    }

    /** Length in words of the longest person cue at {@code at}, 0 when none. */
    int personCueAt(List<Token> tokens, int at) {
        return cueAt(Kind.PERSON, tokens, at);
    }

    int locationCueAt(List<Token> tokens, int at) {
        return cueAt(Kind.LOCATION, tokens, at);
    }

    int organizationCueAt(List<Token> tokens, int at) {
        return cueAt(Kind.ORGANIZATION, tokens, at);
    }

    /**
     * An organisation cue written with its own diacritics: in English text "Dang" (a surname) is not
     * "Đảng", although folding makes them one key.
     */
    boolean organizationCueWrittenAt(List<Token> tokens, int at) {
        return cueAt(Kind.ORGANIZATION, tokens, at, true) > 0;
    }

    /** An English word after a place name: "Ward", "District", "River". */
    boolean isLocationSuffix(Token token) {
        return token.capitalised() && isWordCue(Kind.LOCATION_SUFFIX, token, false);
    }

    /** The last word of a company's name: "Industries", "Group", "JSC". */
    boolean isOrganizationSuffix(Token token) {
        return token.capitalised() && isWordCue(Kind.ORGANIZATION_SUFFIX, token, false);
    }

    /** "tại" in "Đại sứ Hàn Quốc tại Việt Nam …": the place of a title's post. */
    boolean isTitleLink(Token token) {
        return !token.capitalised() && isWordCue(Kind.TITLE_LINK, token, true);
    }

    /** "và", "and": the next name is of the same kind as the one before. */
    boolean isConjunction(Token token) {
        return isWordCue(Kind.CONJUNCTION, token, false);
    }

    /**
     * Whether the word at {@code at} follows a place cue directly ("phường Hoàng Liệt") or as the
     * last of a list after one ("phường Định Công và Hoàng Liệt"): a place named after a person.
     */
    boolean followsPlaceCue(List<Token> tokens, int at) {
        int end = at;
        if (end >= 2 && isConjunction(tokens.get(end - 1)) && !tokens.get(end - 1).hardBreakBefore()) {
            end--;
            int words = 0;
            while (end > 0 && words < 4 && tokens.get(end - 1).capitalised() && !tokens.get(end).hardBreakBefore()) {
                end--;
                words++;
            }
            if (words == 0) {
                return false;
            }
        }
        for (int length = 1; length <= 3 && end - length >= 0; length++) {
            if (cueAt(Kind.LOCATION, tokens, end - length) == length && !tokens.get(end).hardBreakBefore()) {
                return true;
            }
        }
        return false;
    }

    boolean isSurname(Token token) {
        List<Token> candidates = token.facts() != null ? token.facts().surnames : surnames.get(token.key());
        if (candidates == null) {
            return false;
        }
        for (Token surname : candidates) {
            if (token.writes(surname.lower(), surname.key())) {
                return true;
            }
        }
        return false;
    }

    /** A function word after which a lower-case syllable may still close a name ("… Cộng sản của"). */
    boolean isNameEnder(List<Token> tokens, int at) {
        return cueAt(Kind.NAME_ENDER, tokens, at) > 0;
    }

    private int cueAt(Kind cues, List<Token> tokens, int at) {
        return cueAt(cues, tokens, at, false);
    }

    /** Whether {@code token} alone is one of the one-word {@code cues}. */
    private boolean isWordCue(Kind cues, Token token, boolean exact) {
        List<List<Token>> candidates = candidates(cues, token);
        if (candidates == null) {
            return false;
        }
        for (List<Token> cue : candidates) {
            if (cue.size() == 1 && (exact ? token.lower().equals(cue.get(0).lower())
                    : token.writes(cue.get(0).lower(), cue.get(0).key()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code exact}: the text must carry the cue's diacritics even when it carries none at all. */
    private int cueAt(Kind cues, List<Token> tokens, int at, boolean exact) {
        List<List<Token>> candidates = candidates(cues, tokens.get(at));
        if (candidates == null) {
            return 0;
        }
        for (List<Token> cue : candidates) {
            if (at + cue.size() > tokens.size()) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < cue.size() && match; i++) {
                Token token = tokens.get(at + i);
                Token word = cue.get(i);
                boolean written = exact ? token.lower().equals(word.lower()) : token.writes(word.lower(), word.key());
                match = written && (i == 0 || token.softGapBefore(false));
            }
            if (match) {
                return cue.size();
            }
        }
        return 0;
    }

    /** The cues of a kind that start with the token's word, longest first; null when none. */
    private List<List<Token>> candidates(Kind kind, Token token) {
        WordFacts facts = token.facts();
        return facts != null ? facts.cues[kind.ordinal()] : byKind.get(kind.ordinal()).get(token.key());
    }

    /** Per kind, the cues that start with the folded word {@code key}, for {@link WordFacts}. */
    @SuppressWarnings("unchecked")
    List<List<Token>>[] cuesStartingWith(String key) {
        List<List<Token>>[] cues = new List[Kind.values().length];
        for (Kind kind : Kind.values()) {
            cues[kind.ordinal()] = byKind.get(kind.ordinal()).get(key);
        }
        return cues;
    }

    /** The surnames with the folded word {@code key}, for {@link WordFacts}; null when none. */
    List<Token> surnamesWritten(String key) {
        return surnames.get(key);
    }
}
