package io.newsflow.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArticleIdsTests {

    @Test
    void sameCanonicalUrlGivesSameId() {
        String id = ArticleIds.of("https://www.Example.vn/a/b.html?utm_source=fb#top", null, null, null);

        assertThat(id).hasSize(16).matches("[0-9a-f]+");
        assertThat(ArticleIds.of("http://example.vn/a/b.html", "other", "x", "other text")).isEqualTo(id);
    }

    @Test
    void keepsMeaningfulQueryParametersInAnyOrder() {
        assertThat(ArticleIds.canonicalUrl("https://example.vn/news?id=7&page=2&utm_medium=x"))
                .isEqualTo("https://example.vn/news?id=7&page=2");
        assertThat(ArticleIds.of("https://example.vn/news?page=2&id=7", null, null, null))
                .isEqualTo(ArticleIds.of("https://example.vn/news?id=7&page=2", null, null, null))
                .isNotEqualTo(ArticleIds.of("https://example.vn/news?id=8&page=2", null, null, null));
    }

    @Test
    void usesSourceAndPartnerIdWithoutUrl() {
        assertThat(ArticleIds.of(null, "Báo Mẫu", "42", "a"))
                .isEqualTo(ArticleIds.of(" ", "bao mau", "42", "b"))
                .isNotEqualTo(ArticleIds.of(null, "Báo Mẫu", "43", "a"));
    }

    @Test
    void fallsBackToContentInAnyUnicodeForm() {
        String composed = "Hà Nội mưa lớn\n\nNgập nhiều tuyến phố.";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);

        assertThat(ArticleIds.of(null, null, null, composed)).isEqualTo(ArticleIds.of(null, null, null, decomposed));
        assertThat(ArticleIds.of(null, null, null, composed)).isNotEqualTo(ArticleIds.of(null, null, null, "Hà Nội nắng"));
    }

    @Test
    void refusesAnArticleWithNothingToIdentifyItBy() {
        assertThatIllegalArgumentException().isThrownBy(() -> ArticleIds.of(null, "src", null, " "));
    }
}
