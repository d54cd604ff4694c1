package io.newsflow.search.query;

import io.newsflow.search.index.ArticleFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Highlights of one page of results. Title and lead come back whole, marked, so a client can show
 * them in place of the plain text. The body comes back as snippets of about
 * {@value #SNIPPET_LENGTH} characters around the matches, cut at word boundaries: a news sentence
 * may run to several hundred characters, more than a result list shows and more than every search
 * should carry.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    static final int SNIPPET_LENGTH = 160;

    private final Set<String> itemFields;
    private final Map<Integer, Document> loaded;

    private SnippetHighlighter(Builder builder, FieldInfos fieldInfos, Set<String> itemFields, Map<Integer, Document> loaded) {
        super(builder);
        // merged over every segment, which the highlighter would otherwise do for each page anew
        this.fieldInfos = fieldInfos;
        this.itemFields = itemFields;
        this.loaded = loaded;
    }

    /**
     * A highlighter that also reads {@code itemFields} of each highlighted document into
     * {@code loaded}, by document number, while it reads the text it marks. {@code fieldInfos} are
     * those of the searcher's reader, merged over its segments.
     */
    static SnippetHighlighter of(IndexSearcher searcher, FieldInfos fieldInfos, Analyzer analyzer, Set<String> itemFields,
                                 Map<Integer, Document> loaded) {
        // escaped: clients may render highlights as HTML, and article text is not trusted markup;
        // term offsets from the postings are enough for a query of single terms, where the default
        // "weight matches" mode would run the query's matching again for every document
        Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withWeightMatches(false)
                .withScorer(new FewMatchesPassageScorer())
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", "… ", true));
        return new SnippetHighlighter(builder, fieldInfos, itemFields, loaded);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
        if (!ArticleFields.BODY.equals(field)) {
            return new WholeBreakIterator();
        }
        // the match sits in the middle of its snippet (alignment 0.5)
        return LengthGoalBreakIterator.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f);
    }

    /**
     * Reads the highlighted fields together with the rest of the item: a stored document is
     * decompressed as a block, and reading it twice (for highlights, then for the item) was a
     * tenth of a search. Otherwise as the default: values cut at the maximum length, documents
     * read until the character budget is spent.
     */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        Set<String> wanted = new HashSet<>(itemFields);
        wanted.addAll(Arrays.asList(fields));
        StoredFields stored = searcher.storedFields();
        List<CharSequence[]> values = new ArrayList<>();
        int chars = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            Document document = stored.document(doc, wanted);
            loaded.put(doc, document);
            CharSequence[] byField = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                String value = document.get(fields[f]);
                byField[f] = value == null ? null : value.substring(0, Math.min(getMaxLength(), value.length()));
                chars += byField[f] == null ? 0 : byField[f].length();
            }
            values.add(byField);
            if (cacheCharsThreshold == 0 || chars > cacheCharsThreshold) {
                break;
            }
        }
        return values;
    }

    /**
     * Lucene's passage score, the same sums in the same order, without its term hash: the default
     * builds a hash with a 32 KB block for every candidate passage of every body, while a passage
     * holds a handful of matches, which a scan tells apart faster.
     */
    static final class FewMatchesPassageScorer extends PassageScorer {

        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
            BytesRef[] distinct = new BytesRef[matches];
            int[] termFreqsInPassage = new int[matches];
            int[] termFreqsInDoc = new int[matches];
            int size = 0;
            for (int i = 0; i < matches; i++) {
                int term = 0;
                while (term < size && !distinct[term].bytesEquals(terms[i])) {
                    term++;
                }
                if (term == size) {
                    distinct[size] = terms[i];
                    termFreqsInDoc[size] = freqsInDoc[i];
                    size++;
                }
                termFreqsInPassage[term]++;
            }
            double score = 0d;
            for (int term = 0; term < size; term++) {
                score += tf(termFreqsInPassage[term], passage.getLength()) * weight(contentLength, termFreqsInDoc[term]);
            }
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }
}
