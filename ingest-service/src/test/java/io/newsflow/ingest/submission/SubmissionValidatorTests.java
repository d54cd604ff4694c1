package io.newsflow.ingest.submission;

import io.newsflow.ingest.config.IngestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionValidatorTests {

    private final SubmissionValidator validator = new SubmissionValidator(
            new IngestProperties(DataSize.ofKilobytes(10), 100, 4, Duration.ofSeconds(1), "r", "d"));

    @Test
    void acceptsAStructuredArticle() {
        ArticleSubmission article = new ArticleSubmission("https://bao.vn/a.html", "bao.vn", null, "Tiêu đề",
                "Nội dung bài viết.", null, null, "2024-06-03T08:15:00+07:00", "vi", null);

        assertThat(validator.validate(article)).isSameAs(article);
    }

    @Test
    void rejectsAnArticleWithoutContentNamingTheField() {
        ArticleSubmission empty = new ArticleSubmission(null, "bao.vn", null, "Chỉ có tiêu đề", " ", null, "", null, null, null);

        assertThatThrownBy(() -> validator.validate(empty))
                .isInstanceOfSatisfying(InvalidArticleException.class, error ->
                        assertThat(error.problems()).extracting(FieldProblem::field).containsExactly("body"));
    }

    @Test
    void reportsEveryBrokenFieldAtOnce() {
        ArticleSubmission broken = new ArticleSubmission("ftp://bao.vn/x", null, null, null, "Nội dung", null, null,
                null, "tiếng việt", null);

        assertThatThrownBy(() -> validator.validate(broken))
                .isInstanceOfSatisfying(InvalidArticleException.class, error ->
                        assertThat(error.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("url", "language"));
    }

    @Test
    void rejectsAPageOverTheLimitCountingUtf8Bytes() {
        // 4,000 "đ" are 8,000 bytes in UTF-8; 6,000 are 12,000, over the 10 KB limit
        assertThat(validator.validate(ArticleSubmission.page("đ".repeat(4_000), false, null, null))).isNotNull();
        assertThatThrownBy(() -> validator.validate(ArticleSubmission.page("đ".repeat(6_000), false, null, null)))
                .isInstanceOf(ArticleTooLargeException.class);
    }
}
