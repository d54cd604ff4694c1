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
