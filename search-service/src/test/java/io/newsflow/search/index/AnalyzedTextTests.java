package io.newsflow.search.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The words analyzed once make exactly the terms each field's own analyzer makes. */
class AnalyzedTextTests {

    private static final String[] TEXTS = {
            "Bí thư Thành ủy TP.HCM Nguyễn Văn Nên làm việc với UBND, HĐND quận 1 — sáng 5/6/2024.",
            Normalizer.normalize("Đà Nẵng đón 1,2 triệu lượt khách; \"Viêng Chăn\" (Vientiane) ký kết!", Normalizer.Form.NFD),
            "Ho Chi Minh City's new metro line opens on December 22nd, 2024: 19.7 km, 14 stations.",
            "Mưa lớn kéo dài ở Hà Nội\n\ngây ngập nhiều tuyến phố…  Ｆｕｌｌ-width ＡＢＣ và e-mail a.b@c.vn",
            "Một",
            "",
            "  ¶ — … ",
    };

    private final Analyzer fields = ArticleAnalyzers.perField();
    private final Analyzer exact = ArticleAnalyzers.exact();

    @Test
    void makesTheSameTermsAsEachFieldsAnalyzer() throws IOException {
        List<String> texts = new ArrayList<>(List.of(TEXTS));
        texts.addAll(seedPages());
        for (String title : texts) {
            for (String body : texts) {
                String lead = TEXTS[0];
                AnalyzedText titleWords = AnalyzedText.of(exact, title);
                AnalyzedText leadWords = AnalyzedText.of(exact, lead);
                AnalyzedText bodyWords = AnalyzedText.of(exact, body);
                String leadAndBody = lead + "\n\n" + body;

                assertThat(tokens(titleWords.folded())).isEqualTo(tokens(fields.tokenStream(ArticleFields.TITLE, title)));
                assertThat(tokens(bodyWords.folded())).isEqualTo(tokens(fields.tokenStream(ArticleFields.BODY, body)));
                assertThat(AnalyzedText.pairs(titleWords.foldedWords()))
                        .isEqualTo(ArticleAnalyzers.terms(fields, ArticleFields.TITLE_BIGRAMS, title));
                assertThat(AnalyzedText.pairs(leadWords.foldedWords(), bodyWords.foldedWords()))
                        .isEqualTo(ArticleAnalyzers.terms(fields, ArticleFields.TEXT_BIGRAMS, leadAndBody));
                assertThat(AnalyzedText.pairs(leadWords.exactWords(), bodyWords.exactWords()))
                        .isEqualTo(ArticleAnalyzers.terms(fields, ArticleFields.TEXT_EXACT_BIGRAMS, leadAndBody));
                assertThat(titleWords.exactWords()).isEqualTo(ArticleAnalyzers.terms(fields, ArticleFields.TITLE_EXACT, title));
                List<String> leadAndBodyExact = new ArrayList<>(leadWords.exactWords());
                leadAndBodyExact.addAll(bodyWords.exactWords());
                assertThat(leadAndBodyExact).isEqualTo(ArticleAnalyzers.terms(fields, ArticleFields.TEXT_EXACT, leadAndBody));
            }
        }
        assertThat(AnalyzedText.of(exact, TEXTS[0]).foldedWords()).contains("tp.hcm", "nguyen", "ubnd", "hdnd");
    }

    /** Term, start and end offset of every token, and the final offset. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            tokens.add("end@" + offset.endOffset());
        }
        return tokens;
    }

    /** The real pages in {@code shared/seeds} beside the repository, when present; never copied here. */
    private static List<String> seedPages() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("shared").resolve("seeds");
            if (Files.isDirectory(seeds)) {
                try (Stream<Path> files = Files.list(seeds)) {
                    List<String> pages = new ArrayList<>();
                    for (Path file : files.sorted().toList()) {
                        pages.add(Files.readString(file, StandardCharsets.UTF_8));
                    }
                    return pages;
                }
            }
        }
        return List.of();
    }
}
