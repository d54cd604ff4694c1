package io.newsflow.search.index;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleAnalyzersTests {

    @Test
    void foldedAnalyzerDropsDiacriticsAndCase() {
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.folded(), "title", "Nguyễn Văn Nên"))
                .containsExactly("nguyen", "van", "nen");
    }

    @Test
    void foldedAnalyzerFoldsFullWidthAndCompatibilityForms() {
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.folded(), "title", "ＶＩỆＴ ﬁle"))
                .containsExactly("viet", "file");
    }

    @Test
    void foldedAnalyzerFoldsTheStrokedD() {
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.folded(), "title", "Đà Nẵng, đường"))
                .containsExactly("da", "nang", "duong");
    }

    @Test
    void foldedAnalyzerTreatsDecomposedInputLikeComposed() {
        String decomposed = Normalizer.normalize("Nguyễn Văn Nên ở Đà Nẵng", Normalizer.Form.NFD);
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.folded(), "title", decomposed))
                .containsExactly("nguyen", "van", "nen", "o", "da", "nang");
    }

    @Test
    void bigramAnalyzerPairsAdjacentSyllablesOnly() {
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.bigrams(), "title_bigrams", "Nguyễn Văn Nên"))
                .containsExactly("nguyen van", "van nen");
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.bigrams(), "title_bigrams", "Nên")).isEmpty();
    }

    @Test
    void exactAnalyzerKeepsDiacriticsButNotCase() {
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.exact(), "title_exact", "Tô Lâm"))
                .containsExactly("tô", "lâm");
        String decomposed = Normalizer.normalize("Tô Lâm", Normalizer.Form.NFD);
        assertThat(ArticleAnalyzers.terms(ArticleAnalyzers.exact(), "title_exact", decomposed))
                .containsExactly("tô", "lâm");
    }
}
