package io.newsflow.contract.text;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

    @Test
    void foldsDiacriticsAndDStroke() {
        assertThat(VietnameseText.fold("Nguyễn Văn Nên")).isEqualTo("nguyen van nen");
        assertThat(VietnameseText.fold("ĐÀ NẴNG đẹp")).isEqualTo("da nang dep");
    }

    @Test
    void foldsDecomposedInputLikeComposed() {
        String decomposed = Normalizer.normalize("Thủ đô Viêng Chăn", Normalizer.Form.NFD);

        assertThat(VietnameseText.fold(decomposed)).isEqualTo("thu do vieng chan");
        assertThat(VietnameseText.nfc(decomposed)).isEqualTo("Thủ đô Viêng Chăn");
    }

    @Test
    void keyDropsPunctuation() {
        assertThat(VietnameseText.key("TP. Hồ Chí Minh")).isEqualTo("tp ho chi minh");
        assertThat(VietnameseText.key("UBND  (TP.HCM)")).isEqualTo("ubnd tp hcm");
    }

    @Test
    void collapsesEveryKindOfSpace() {
        assertThat(VietnameseText.collapseWhitespace("  a\u00A0\u00A0b \n\t c ")).isEqualTo("a b c");
    }
}
