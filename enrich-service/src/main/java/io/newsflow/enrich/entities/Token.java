package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.knowledge.WordCharacters;
import io.newsflow.enrich.knowledge.Vocabulary;

/**
 * A word of the text with its matching key and what separates it from the word before. What the
 * matching rules ask of the gap (a hard break, a gap an alias may span) is worked out once here,
 * since every rule asks it of the same tokens again and again.
 */
final class Token {

    /**
     * How a word is written, independent of where: classified once per spelling (see {@link Spellings}),
     * with what the recognizer's data says about its key ({@code facts}, null outside a recognizer).
     */
    record Spelling(String surface, String key, String lower, boolean ascii, boolean capitalised, boolean allCaps,
                    boolean number, WordFacts facts) {

        static Spelling of(String surface) {
            int first = surface.codePointAt(0);
            boolean ascii = true;
            boolean anyLetter = false;
            boolean noLowerLetter = true;
            for (int i = 0; i < surface.length(); ) {
                int c = surface.codePointAt(i);
                i += Character.charCount(c);
                ascii &= c < 0x80;
                if (Character.isLetter(c)) {
                    anyLetter = true;
                    noLowerLetter &= Character.isUpperCase(c);
                }
            }
            boolean allCaps = surface.codePointCount(0, surface.length()) >= 2 && noLowerLetter && anyLetter;
            String lower = surface.toLowerCase(Locale.ROOT);
            // ASCII words fold to their lower case; only marked words need the Unicode folding
            return new Spelling(surface, ascii ? lower : VietnameseText.fold(surface), lower, ascii,
                    Character.isUpperCase(first), allCaps, Character.isDigit(first), null);
        }

        Spelling withFacts(WordFacts facts) {
            return new Spelling(surface, key, lower, ascii, capitalised, allCaps, number, facts);
        }
    }

    /**
     * The spellings seen so far, each classified once with what the recognizer's data says about it
     * (see {@link Vocabulary}).
     */
    static final class Spellings {

        private static final int CAPACITY = 1 << 17;

        private final Vocabulary<Spelling> known;

        /** {@code factsOfKey}: what the data says about a folded word. */
        Spellings(Function<String, WordFacts> factsOfKey) {
            this.known = new Vocabulary<>(CAPACITY, surface -> {
                Spelling spelling = Spelling.of(surface);
                return spelling.withFacts(factsOfKey.apply(spelling.key()));
            });
        }

        Spelling of(String text, int start, int end) {
            return known.of(text, start, end);
        }
    }

    private static final String SPACE = " ";

    private final Spelling spelling;
    private final int start;
    private final int end;
    private final String gapBefore;
    private final boolean hardBreakBefore;
    private final boolean softGapBefore;
    private final boolean softGapWithCommaBefore;

    private Token(Spelling spelling, int start, int end, String gapBefore) {
        this.spelling = spelling;
        this.start = start;
        this.end = end;
        this.gapBefore = gapBefore;
        // punctuation between this word and the previous one ends a name: "Hà Nội, Huế" are two;
        // hyphenated or apostrophised names stay whole: "Jean-Pierre", "O'Neil", and so do names
        // joined with an ampersand: "Ernst & Young", "AT&T", "Trung tâm R&D"
        this.hardBreakBefore = !gapBefore.isBlank()
                && !(gapBefore.equals("-") || gapBefore.equals("'") || gapBefore.equals("’") || gapBefore.strip().equals("&"));
        this.softGapBefore = softGap(gapBefore, false);
        this.softGapWithCommaBefore = softGap(gapBefore, true);
    }

    /** The words of {@code text}, each spelling classified anew (for the data files, read once). */
    static List<Token> of(String text) {
        return of(text, null);
    }

    /** The words of {@code text}: runs of letters, marks and digits; spellings looked up in {@code spellings}. */
    static List<Token> of(String text, Spellings spellings) {
        List<Token> tokens = new ArrayList<>(Math.max(8, text.length() / 5));
        int length = text.length();
        int previousEnd = 0;
        for (int start = WordCharacters.wordStart(text, 0); start < length; start = WordCharacters.wordStart(text, previousEnd)) {
            int end = WordCharacters.wordEnd(text, start);
            Spelling spelling = spellings == null ? Spelling.of(text.substring(start, end)) : spellings.of(text, start, end);
            String gap = start - previousEnd == 1 && text.charAt(previousEnd) == ' ' ? SPACE : text.substring(previousEnd, start);
            tokens.add(new Token(spelling, start, end, gap));
            previousEnd = end;
        }
        return tokens;
    }

    private static boolean softGap(String gap, boolean commaAllowed) {
        for (int i = 0; i < gap.length(); i++) {
            char c = gap.charAt(i);
            boolean allowed = Character.isWhitespace(c) || c == '.' || c == '-' || c == '–' || c == '&' || c == '\''
                    || c == '’' || (commaAllowed && c == ',');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The word as written (NFC). */
    String surface() {
        return spelling.surface();
    }

    /** Folded form for matching. */
    String key() {
        return spelling.key();
    }

    /** What the recognizer's data says about the word; null for words read outside a recognizer. */
    WordFacts facts() {
        return spelling.facts();
    }

    /** Lower case with diacritics. */
    String lower() {
        return spelling.lower();
    }

    /** Written without any diacritic. */
    boolean ascii() {
        return spelling.ascii();
    }

    /** Offset of the word in the text. */
    int start() {
        return start;
    }

    /** Offset after the word. */
    int end() {
        return end;
    }

    /** Starts with an upper-case letter. */
    boolean capitalised() {
        return spelling.capitalised();
    }

    /** Two letters or more, all upper case (an abbreviation such as HĐND). */
    boolean allCaps() {
        return spelling.allCaps();
    }

    /** The characters between the previous word and this one. */
    String gapBefore() {
        return gapBefore;
    }

    /** Punctuation between this word and the previous one ends a name: "Hà Nội, Huế" are two. */
    boolean hardBreakBefore() {
        return hardBreakBefore;
    }

    /** A gap that an alias may span: spaces and the punctuation of abbreviations ("TP. HCM", "Bà Rịa - Vũng Tàu"). */
    boolean softGapBefore(boolean commaAllowed) {
        return commaAllowed ? softGapWithCommaBefore : softGapBefore;
    }

    /**
     * Whether this word is {@code written} (lower-case NFC): exactly when the text carries its
     * diacritics, by folded key when it carries none ("Lao" in English text is "Lào"; "Bí" is not "Bỉ").
     */
    boolean writes(String written, String writtenKey) {
        return spelling.key().equals(writtenKey) && (spelling.ascii() || spelling.lower().equals(written));
    }

    static String lower(String surface) {
        return surface.toLowerCase(Locale.ROOT);
    }

    /** Joined to the word before with an ampersand: "Young" in "Ernst & Young". */
    boolean ampersandBefore() {
        return gapBefore.strip().equals("&");
    }

    /** Written in capitals only: "UBND", "R" and "D" of "R&D". */
    boolean abbreviation() {
        return spelling.allCaps() || (spelling.capitalised() && spelling.surface().length() == 1);
    }

    boolean isNumber() {
        return spelling.number();
    }

    @Override
    public String toString() {
        return spelling.surface();
    }
}
