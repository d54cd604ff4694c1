package io.newsflow.enrich.extraction;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.knowledge.ResourceLines;

/**
 * Vietnamese or English, from two signals: the share of letters carrying Vietnamese diacritics
 * (tone marks, ơ/ư/ă/â/ê/ô/đ) and the share of tokens that are each language's function words.
 */
final class LanguageDetector {

    static final String VIETNAMESE = "vi";
    static final String ENGLISH = "en";

    /** Vietnamese prose has a marked letter in about one letter in four; English almost none. */
    private static final double VIETNAMESE_MARK_RATIO = 0.06;

    private final Set<String> vietnameseStopwords;
    private final Set<String> englishStopwords;

    LanguageDetector(List<String> vietnameseStopwords, List<String> englishStopwords) {
        this.vietnameseStopwords = vietnameseStopwords.stream().map(VietnameseText::fold).collect(Collectors.toSet());
        this.englishStopwords = englishStopwords.stream().map(VietnameseText::fold).collect(Collectors.toSet());
    }

    static LanguageDetector load() {
        return new LanguageDetector(ResourceLines.lines("language/stopwords-vi.txt"),
                ResourceLines.lines("language/stopwords-en.txt"));
    }

    String detect(String text) {
        if (text == null || text.isBlank()) {
            return VIETNAMESE;
        }
        String nfc = VietnameseText.nfc(text);
        int letters = 0;
        int marked = 0;
        int length = nfc.length();
        for (int i = 0; i < length; ) {
            // settled once the share would stay above the mark even if every character left were an
            // unmarked letter: a Vietnamese article is decided within its first third
            if ((i & 255) == 0 && marked >= VIETNAMESE_MARK_RATIO * (letters + length - i) && marked > 0) {
                return VIETNAMESE;
            }
            char c = nfc.charAt(i);
            if (c < 0x80) {
                // most characters even of Vietnamese text: no code point decoding, no table lookup
                letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 1 : 0;
                i++;
                continue;
            }
            int codePoint = nfc.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetter(codePoint)) {
                letters++;
                if (codePoint > 0x7F) {
                    marked++;
                }
            }
        }
        if (letters > 0 && (double) marked / letters >= VIETNAMESE_MARK_RATIO) {
            return VIETNAMESE;
        }
        // text without diacritics (typed without marks, or English): compare function words
        int vietnamese = 0;
        int english = 0;
        for (String token : VietnameseText.key(nfc).split(" ")) {
            if (englishStopwords.contains(token)) {
                english++;
            }
            if (vietnameseStopwords.contains(token)) {
                vietnamese++;
            }
        }
        return english >= vietnamese ? ENGLISH : VIETNAMESE;
    }
}
