package io.newsflow.enrich.tags;

import java.util.Collection;
import java.util.Map;

/**
 * Document frequencies of key phrases over the articles enriched so far: how many articles had a
 * phrase among their candidates, and how many articles there were. Phrases that every article uses
 * ("làm việc", "thời gian") then weigh less than the ones that set an article apart.
 */
public interface PhraseStatistics {

    /**
     * What the corpus knows about some phrases.
     *
     * @param articles            how many articles were counted
     * @param documentFrequencies for each phrase asked about and seen before, in how many articles
     */
    record Frequencies(long articles, Map<String, Long> documentFrequencies) {

        public static final Frequencies EMPTY = new Frequencies(0, Map.of());

        /**
         * The smoothed inverse document frequency, 1 for a phrase in every article and growing with the
         * rarity of the phrase; 1 for every phrase while the corpus is empty, so a first article is
         * scored by its own text alone.
         */
        public double inverseDocumentFrequency(String phraseKey) {
            if (articles <= 0) {
                return 1;
            }
            // the counts of phrases and of articles are two writes: another instance may be between them
            long frequency = Math.min(articles, documentFrequencies.getOrDefault(phraseKey, 0L));
            return 1 + Math.log((1.0 + articles) / (1.0 + frequency));
        }
    }

    /** The frequencies of these folded phrases, and the article count, read together. */
    Frequencies frequencies(Collection<String> phraseKeys);

    /** Counts one more article, with these folded phrases among its candidates. */
    void record(Collection<String> phraseKeys);

    /** No corpus (the command line, the benchmark): every article is scored by its own text. */
    static PhraseStatistics none() {
        return new PhraseStatistics() {
            @Override
            public Frequencies frequencies(Collection<String> phraseKeys) {
                return Frequencies.EMPTY;
            }

            @Override
            public void record(Collection<String> phraseKeys) {
                // nothing remembered
            }
        };
    }
}
