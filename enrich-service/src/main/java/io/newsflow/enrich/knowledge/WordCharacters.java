package io.newsflow.enrich.knowledge;

/**
 * What a word is made of, for every part of enrichment that splits text into words (entities and
 * tags): {@code [\p{L}\p{M}\p{N}]}, a letter, a combining mark (decomposed Vietnamese input) or a
 * number. Worked out once for the basic plane, so each character costs one lookup.
 */
public final class WordCharacters {

    private static final boolean[] WORD_PART = new boolean[0x10000];

    static {
        for (int c = 0; c < WORD_PART.length; c++) {
            WORD_PART[c] = isWordPartByType(c);
        }
    }

    private WordCharacters() {
    }

    public static boolean isWordPart(int codePoint) {
        return codePoint < WORD_PART.length ? WORD_PART[codePoint] : isWordPartByType(codePoint);
    }

    /** Where the first word at or after {@code from} starts; {@code text.length()} when none does. */
    public static int wordStart(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (isWordPart(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return text.length();
    }

    /** Where the word starting at {@code start} ends (exclusive). */
    public static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (!isWordPart(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return text.length();
    }

    private static boolean isWordPartByType(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
