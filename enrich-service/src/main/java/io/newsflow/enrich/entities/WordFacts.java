package io.newsflow.enrich.entities;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the recognizer's data says about one folded word: the alias tree below it, the cues and
 * surnames that start with it, whether it is a stopword. Looked up once per spelling (see
 * {@link Token.Spellings}) instead of once per rule and token: every rule asks about every word.
 */
final class WordFacts {

    static final WordFacts NONE = new WordFacts(null, new List[Cues.Kind.values().length], null, false);

    /** The aliases starting with the word, or null. */
    final KnowledgeBase.Node aliases;
    /** Per {@link Cues.Kind}: the cues starting with the word, longest first, or null. */
    final List<List<Token>>[] cues;
    /** The surnames written with the word's key, or null. */
    final List<Token> surnames;
    final boolean stopword;

    WordFacts(KnowledgeBase.Node aliases, List<List<Token>>[] cues, List<Token> surnames, boolean stopword) {
        this.aliases = aliases;
        this.cues = cues;
        this.surnames = surnames;
        this.stopword = stopword;
    }

    /** The facts, or {@link #NONE} when the data says nothing about the word (most words). */
    static WordFacts of(KnowledgeBase.Node aliases, List<List<Token>>[] cues, List<Token> surnames, boolean stopword) {
        boolean none = aliases == null && surnames == null && !stopword && Arrays.stream(cues).allMatch(Objects::isNull);
        return none ? NONE : new WordFacts(aliases, cues, surnames, stopword);
    }
}
