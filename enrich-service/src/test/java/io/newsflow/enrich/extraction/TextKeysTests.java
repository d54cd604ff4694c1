package io.newsflow.enrich.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.Seeds;

class TextKeysTests {

    @Test
    void foldsAndKeysLikeTheSharedRuleOnEdgeCases() {
        List<String> samples = List.of("Nguyễn Văn Nên", "ĐÀ NẴNG", "TP. Hồ Chí Minh", "TP.HCM", "  --Hà Nội--  ",
                Normalizer.normalize("Thủ đô Viêng Chăn", Normalizer.Form.NFD), "Ⅻ khóa ②", "서울 Seoul", "café ½",
                "emoji 😀 ở đây", "", "...", "Ǆ ǅ ǆ", "İstanbul");
        for (String sample : samples) {
            assertThat(TextKeys.fold(sample)).as(sample).isEqualTo(VietnameseText.fold(sample));
            assertThat(TextKeys.key(sample)).as(sample).isEqualTo(VietnameseText.key(sample));
        }
    }

    @Test
    void foldsAndKeysLikeTheSharedRuleOnEveryLineAndWordOfTheSeeds() {
        List<String> pieces = new ArrayList<>();
        for (String seed : List.of(Seeds.CITY_VISIT, Seeds.MAGAZINE_VISIT)) {
            for (String line : Seeds.text(seed).split("\\R")) {
                pieces.add(line);
                pieces.addAll(List.of(line.split(" ")));
            }
        }
        assertThat(pieces).hasSizeGreaterThan(1000);
        for (String piece : pieces) {
            assertThat(TextKeys.key(piece)).as(piece).isEqualTo(VietnameseText.key(piece));
        }
    }
}
