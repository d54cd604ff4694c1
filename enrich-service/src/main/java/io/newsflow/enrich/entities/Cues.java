package io.newsflow.enrich.entities;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;

import io.newsflow.enrich.knowledge.ResourceLines;

/** Cue words before names and Vietnamese surnames, from {@code knowledge/cues.txt}. */
final class Cues {

    static final String RESOURCE = "knowledge/cues.txt";

    private final Map<String, List<List<Token>>> personCues;
    private final Map<String, List<List<Token>>> locationCues;
    private final Map<String, List<List<Token>>> organizationCues;
    private final Map<String, List<Token>> surnames;
    private final Map<String, List<List<Token>>> nameEnders;

    private Cues(Map<String, List<String>> data) {
        personCues = keys(data, "person-cues");
        locationCues = keys(data, "location-cues");
        organizationCues = keys(data, "organization-cues");
        surnames = keys(data, "surnames").values().stream().flatMap(List::stream).map(words -> words.get(0))
                .collect(Collectors.groupingBy(Token::key));
        nameEnders = keys(data, "name-enders");
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
        return cueAt(personCues, tokens, at);
    }

    int locationCueAt(List<Token> tokens, int at) {
        return cueAt(locationCues, tokens, at);
    }

    int organizationCueAt(List<Token> tokens, int at) {
        return cueAt(organizationCues, tokens, at);
    }

    boolean isSurname(Token token) {
        return surnames.getOrDefault(token.key(), List.of()).stream()
                .anyMatch(surname -> token.writes(surname.lower(), surname.key()));
    }

    /** A function word after which a lower-case syllable may still close a name ("… Cộng sản của"). */
    boolean isNameEnder(List<Token> tokens, int at) {
        return cueAt(nameEnders, tokens, at) > 0;
    }

    private static int cueAt(Map<String, List<List<Token>>> cues, List<Token> tokens, int at) {
        for (List<Token> cue : cues.getOrDefault(tokens.get(at).key(), List.of())) {
            if (at + cue.size() > tokens.size()) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < cue.size() && match; i++) {
                Token token = tokens.get(at + i);
                Token word = cue.get(i);
                match = token.writes(word.lower(), word.key()) && (i == 0 || token.softGapBefore(false));
            }
            if (match) {
                return cue.size();
            }
        }
        return 0;
    }
}
