package io.newsflow.search.index;

import io.newsflow.contract.text.VietnameseText;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * Folds every token with the contract's {@link VietnameseText#fold}, so the index and enrichment
 * agree on what "without diacritics" means (including đ → d, which is a letter of its own).
 */
final class VietnameseFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    VietnameseFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String folded = VietnameseText.fold(term.toString());
        term.setEmpty().append(folded);
        return true;
    }
}
