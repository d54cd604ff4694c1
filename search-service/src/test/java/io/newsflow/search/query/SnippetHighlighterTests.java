package io.newsflow.search.query;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetHighlighterTests {

    @Test
    void scoresPassagesExactlyAsLucenesPassageScorer() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer fewMatches = new SnippetHighlighter.FewMatchesPassageScorer();
        // repeated terms, each with its own frequency in the document, at the start and deep in a body
        for (int start : new int[] {0, 40, 2_000}) {
            Passage passage = new Passage();
            passage.setStartOffset(start);
            passage.setEndOffset(start + 160);
            passage.addMatch(start + 3, start + 6, new BytesRef("cap"), 4);
            passage.addMatch(start + 7, start + 11, new BytesRef("treo"), 2);
            passage.addMatch(start + 50, start + 53, new BytesRef("cap"), 4);
            passage.addMatch(start + 90, start + 94, new BytesRef("vinh"), 1);
            passage.addMatch(start + 120, start + 123, new BytesRef("cap"), 4);

            assertThat(fewMatches.score(passage, 1_500)).isEqualTo(lucene.score(passage, 1_500)).isPositive();
        }
        assertThat(fewMatches.score(new Passage(), 1_500)).isEqualTo(lucene.score(new Passage(), 1_500));
    }
}
