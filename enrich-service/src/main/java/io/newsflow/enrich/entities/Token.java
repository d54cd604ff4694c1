package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.contract.text.VietnameseText;

/**
 * A word of the text with its matching key and what separates it from the word before.
 *
 * @param surface      the word as written (NFC)
 * @param key          folded form for matching
 * @param lower        lower case with diacritics
 * @param ascii        written without any diacritic
 * @param start        offset of the word in the text
 * @param end          offset after the word
 * @param capitalised  starts with an upper-case letter
 * @param allCaps      two letters or more, all upper case (an abbreviation such as HĐND)
 * @param gapBefore    the characters between the previous word and this one
 */
record Token(String surface, String key, String lower, boolean ascii, int start, int end, boolean capitalised,
             boolean allCaps, String gapBefore) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        int previousEnd = 0;
        while (word.find()) {
            String surface = word.group();
            int first = surface.codePointAt(0);
            boolean capitalised = Character.isUpperCase(first);
            boolean allCaps = surface.codePointCount(0, surface.length()) >= 2
                    && surface.codePoints().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))
                    && surface.codePoints().anyMatch(Character::isLetter);
            boolean ascii = surface.chars().allMatch(c -> c < 0x80);
            String lower = lower(surface);
            // ASCII words fold to their lower case; only marked words need the Unicode folding
            tokens.add(new Token(surface, ascii ? lower : VietnameseText.fold(surface), lower, ascii, word.start(),
                    word.end(), capitalised, allCaps, text.substring(previousEnd, word.start())));
            previousEnd = word.end();
        }
        return tokens;
    }

    /** Punctuation between this word and the previous one ends a name: "Hà Nội, Huế" are two. */
    boolean hardBreakBefore() {
        if (gapBefore.isBlank()) {
            return false;
        }
        // hyphenated or apostrophised names stay whole: "Jean-Pierre", "O'Neil"
        return !(gapBefore.equals("-") || gapBefore.equals("'") || gapBefore.equals("’"));
    }

    /** A gap that an alias may span: spaces and the punctuation of abbreviations ("TP. HCM", "Bà Rịa - Vũng Tàu"). */
    boolean softGapBefore(boolean commaAllowed) {
        for (int i = 0; i < gapBefore.length(); i++) {
            char c = gapBefore.charAt(i);
            boolean allowed = Character.isWhitespace(c) || c == '.' || c == '-' || c == '–' || c == '&' || c == '\''
                    || c == '’' || (commaAllowed && c == ',');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this word is {@code written} (lower-case NFC): exactly when the text carries its
     * diacritics, by folded key when it carries none ("Lao" in English text is "Lào"; "Bí" is not "Bỉ").
     */
    boolean writes(String written, String writtenKey) {
        return key.equals(writtenKey) && (ascii || lower.equals(written));
    }

    static String lower(String surface) {
        return surface.toLowerCase(java.util.Locale.ROOT);
    }

    boolean isNumber() {
        return Character.isDigit(surface.codePointAt(0));
    }
}
