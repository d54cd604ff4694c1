package io.newsflow.contract.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Vietnamese text normalisation shared by enrichment and search, so that both sides fold text
 * the same way. Input may arrive in NFC or decomposed (NFD) form; everything is compared in NFC.
 */
public final class VietnameseText {

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");

    /*
     * Folding works one character at a time (decompose, drop marks, lower-case, đ → d), so every
     * character of the basic plane is folded once through ICU when the class loads and looked up
     * afterwards: about ten times faster than decomposing each text again, with the same result.
     * Text with characters beyond the basic plane takes the ICU path itself.
     */
    private static final byte SAME_LENGTH = 0;
    private static final byte REMOVED = 1;
    private static final byte LONGER = 2;
    private static final char[] FOLDED = new char[0x10000];
    private static final byte[] KIND = new byte[0x10000];
    /** The few characters that fold to several (Hangul syllables to their letters, ligatures…). */
    private static final Map<Character, String> LONGER_FOLDS = new HashMap<>();

    static {
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String folded = foldByUnicodeRules(String.valueOf((char) c));
            if (folded.isEmpty()) {
                KIND[c] = REMOVED;
            } else if (folded.length() == 1) {
                FOLDED[c] = folded.charAt(0);
            } else {
                KIND[c] = LONGER;
                LONGER_FOLDS.put((char) c, folded);
            }
        }
    }

    private VietnameseText() {
    }

    /** Canonical composition (NFC), the form every stored text is in. */
    public static String nfc(String text) {
        return NFC.normalize(text);
    }

    /**
     * Lower case without diacritics: "Nguyễn Văn Nên" becomes "nguyen van nen", "Đà Nẵng"
     * becomes "da nang". Works the same on NFC and decomposed input.
     */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                return foldByUnicodeRules(text);
            }
            switch (KIND[c]) {
                case SAME_LENGTH -> folded.append(FOLDED[c]);
                case LONGER -> folded.append(LONGER_FOLDS.get(c));
                default -> {
                    // a combining mark: folding drops it
                }
            }
        }
        return folded.toString();
    }

    /** The folding rule itself, by ICU: canonical decomposition, marks removed, lower case, đ as d. */
    static String foldByUnicodeRules(String text) {
        String decomposed = NFD.normalize(text);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (UCharacter.getType(codePoint) == UCharacterCategory.NON_SPACING_MARK) {
                continue;
            }
            // đ/Đ is a letter of its own, not d with a mark, so decomposition leaves it alone
            if (codePoint == 'đ' || codePoint == 'Đ') {
                folded.append('d');
            } else {
                folded.appendCodePoint(UCharacter.toLowerCase(codePoint));
            }
        }
        return folded.toString();
    }

    /**
     * A matching key: folded, punctuation dropped, single spaces. "TP. Hồ Chí Minh" and
     * "tp ho chi minh" have the same key.
     */
    public static String key(String text) {
        String folded = fold(text);
        StringBuilder key = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetter(codePoint) || isNumber(codePoint)) {
                if (pendingSpace && key.length() > 0) {
                    key.append(' ');
                }
                pendingSpace = false;
                key.appendCodePoint(codePoint);
            } else {
                pendingSpace = true;
            }
        }
        return key.toString();
    }

    /** {@code \p{N}}: decimal digits, letter numbers (Ⅻ) and other numbers (½, ²). */
    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Runs of whitespace (including no-break and zero-width spaces) become one space; trimmed. */
    public static String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
