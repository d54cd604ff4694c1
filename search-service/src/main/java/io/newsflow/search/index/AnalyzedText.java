package io.newsflow.search.index;

import io.newsflow.contract.text.VietnameseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.ArrayUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One text of an article, analyzed once at index time: the ICU words in canonical case-folded form
 * (the {@link ArticleAnalyzers#exact} chain), each with its offsets and its fold. Every indexed
 * variant of the text (folded, exact, folded pairs, exact pairs) is made from these lists, where each
 * field's own analyzer ran the ICU word breaking and normalization again: five times for a body.
 * The variants are the same terms the analyzers make ({@code AnalyzedTextTests} compares them), so
 * queries keep using the analyzers.
 */
final class AnalyzedText {

    private final List<String> exact;
    private final List<String> folded;
    private final int[] starts;
    private final int[] ends;
    private final int length;

    private AnalyzedText(List<String> exact, int[] starts, int[] ends, int length) {
        this.exact = exact;
        this.starts = starts;
        this.ends = ends;
        this.length = length;
        this.folded = new ArrayList<>(exact.size());
        for (String word : exact) {
            folded.add(VietnameseText.fold(word));
        }
    }

    /** {@code exactAnalyzer} is {@link ArticleAnalyzers#exact()}: ICU word breaking and NFKC case folding. */
    static AnalyzedText of(Analyzer exactAnalyzer, String text) {
        List<String> words = new ArrayList<>();
        int[] starts = new int[16];
        int[] ends = new int[16];
        try (TokenStream stream = exactAnalyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int index = words.size();
                if (index == starts.length) {
                    starts = ArrayUtil.grow(starts);
                    ends = ArrayUtil.grow(ends);
                }
                words.add(term.toString());
                starts[index] = offset.startOffset();
                ends[index] = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string cannot fail", e);
        }
        return new AnalyzedText(words, starts, ends, text.length());
    }

    /** Folded words with their offsets in the text, for a field that is highlighted. */
    TokenStream folded() {
        return new WordList(folded, starts, ends, length);
    }

    /** Folded words, offsets not kept. */
    List<String> foldedWords() {
        return folded;
    }

    List<String> exactWords() {
        return exact;
    }

    /** Adjacent pairs of the words of {@code texts} taken as one run, as a shingle filter makes them ("a b"). */
    @SafeVarargs
    static List<String> pairs(List<String>... texts) {
        List<String> words = new ArrayList<>();
        for (List<String> text : texts) {
            words.addAll(text);
        }
        List<String> pairs = new ArrayList<>(Math.max(0, words.size() - 1));
        for (int i = 1; i < words.size(); i++) {
            pairs.add(words.get(i - 1) + ' ' + words.get(i));
        }
        return pairs;
    }

    /** Terms of a field not highlighted: offsets are not indexed, so none are given. */
    static TokenStream terms(List<String> terms) {
        return new WordList(terms, null, null, 0);
    }

    /** A token stream over words already analyzed, each one position after the last. */
    private static final class WordList extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final List<String> words;
        private final int[] starts;
        private final int[] ends;
        private final int length;
        private int next;

        WordList(List<String> words, int[] starts, int[] ends, int length) {
            this.words = words;
            this.starts = starts;
            this.ends = ends;
            this.length = length;
        }

        @Override
        public boolean incrementToken() {
            if (next == words.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(words.get(next));
            if (starts != null) {
                offset.setOffset(starts[next], ends[next]);
            }
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            // as a tokenizer ends: the final offset is the text's length
            offset.setOffset(length, length);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
