package io.newsflow.contract.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;

import java.util.regex.Pattern;

/**
 * Vietnamese text normalisation shared by enrichment and search, so that both sides fold text
 * the same way. Input may arrive in NFC or decomposed (NFD) form; everything is compared in NFC.
 */
public final class VietnameseText {

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

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
        return NOT_LETTER_OR_DIGIT.matcher(fold(text)).replaceAll(" ").strip();
    }

    /** Runs of whitespace (including no-break and zero-width spaces) become one space; trimmed. */
    public static String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
