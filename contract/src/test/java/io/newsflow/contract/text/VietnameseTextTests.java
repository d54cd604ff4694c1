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

    @Test
    void tableFoldingMatchesTheUnicodeRuleForEveryCharacterAndMixedText() {
        for (int c = 0; c < 0x10000; c++) {
            if (!Character.isSurrogate((char) c)) {
                String one = String.valueOf((char) c);
                assertThat(VietnameseText.fold(one)).as("U+%04X", c).isEqualTo(VietnameseText.foldByUnicodeRules(one));
            }
        }
        String mixed = "Ủy ban MTTQ Việt Nam – Ⅻ kỳ ½ \uD835\uDC00 " + Normalizer.normalize("Đắk Lắk, Huế", Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(mixed)).isEqualTo(VietnameseText.foldByUnicodeRules(mixed));
    }

    @Test
    void keyKeepsLettersAndNumbersOfAnyScript() {
        assertThat(VietnameseText.key("Hội nghị lần thứ 6 (khóa XIII) – ½")).isEqualTo("hoi nghi lan thu 6 khoa xiii ½");
        assertThat(VietnameseText.key("  --Bộ Y tế--  ")).isEqualTo("bo y te");
    }
}
