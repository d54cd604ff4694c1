package io.newsflow.search.index;

import io.newsflow.contract.text.VietnameseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The analysis chains of the article index. Vietnamese words are several syllables written apart,
 * so besides folded syllables the index keeps syllable bigrams (a name or a compound word matches
 * as a unit), and an exact form that keeps the diacritics (so "Tô Lâm" ranks above "tô làm").
 */
public final class ArticleAnalyzers {

    // letters include their combining marks (\p{M}), so a decomposed mark never splits a word
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    /**
     * ICU word breaking, ICU NFKC case folding (case, width, compatibility forms), then the
     * contract's Vietnamese fold (every mark dropped, đ → d). Lucene's {@code ICUFoldingFilter} would
     * do the middle and last steps in one, but its bundled UTR#30 data (built for ICU 74) is refused
     * by the ICU4J 77 this project uses, so the fold is composed from parts that load.
     */
    public static Analyzer folded() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                return new TokenStreamComponents(tokenizer, fold(tokenizer));
            }
        };
    }

    private static TokenStream fold(Tokenizer tokenizer) {
        return new VietnameseFoldingFilter(new ICUNormalizer2Filter(tokenizer));
    }

    /** Folded syllable pairs only ("nguyen van", "van nen"); a single syllable yields nothing. */
    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                ShingleFilter shingles = new ShingleFilter(fold(tokenizer), 2, 2);
                shingles.setOutputUnigrams(false);
                return new TokenStreamComponents(tokenizer, shingles);
            }
        };
    }

    /** Lower case in canonical composition, diacritics kept: rewards a query typed with its marks. */
    public static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                // nfkc_cf: NFKC plus case folding; marks stay, so NFD input meets NFC text
                return new TokenStreamComponents(tokenizer, new ICUNormalizer2Filter(tokenizer));
            }
        };
    }

    /** Syllable pairs with diacritics kept ("tô làm"): a name typed with its marks ranks as a unit. */
    public static Analyzer exactBigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                ShingleFilter shingles = new ShingleFilter(new ICUNormalizer2Filter(tokenizer), 2, 2);
                shingles.setOutputUnigrams(false);
                return new TokenStreamComponents(tokenizer, shingles);
            }
        };
    }

    /** One analyzer for the whole document: each field with its chain, folded by default. */
    public static Analyzer perField() {
        Analyzer bigrams = bigrams();
        Analyzer exact = exact();
        Analyzer exactBigrams = exactBigrams();
        return new PerFieldAnalyzerWrapper(folded(), Map.of(
                ArticleFields.TITLE_BIGRAMS, bigrams,
                ArticleFields.TEXT_BIGRAMS, bigrams,
                ArticleFields.TITLE_EXACT_BIGRAMS, exactBigrams,
                ArticleFields.TEXT_EXACT_BIGRAMS, exactBigrams,
                ArticleFields.TITLE_EXACT, exact,
                ArticleFields.TEXT_EXACT, exact));
    }

    /**
     * Like {@code VietnameseText.key} but keeping diacritics: NFC, lower case, punctuation dropped,
     * single spaces. "TP. Hồ Chí Minh" becomes "tp hồ chí minh".
     */
    public static String exactKey(String text) {
        String lower = VietnameseText.nfc(text).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(lower).replaceAll(" ").strip();
    }

    /** The terms an analyzer makes of a text, in order. */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string cannot fail", e);
        }
        return terms;
    }

    private ArticleAnalyzers() {
    }
}
