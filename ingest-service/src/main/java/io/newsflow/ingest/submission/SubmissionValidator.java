package io.newsflow.ingest.submission;

import io.newsflow.ingest.config.IngestProperties;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a submission against the raw-article contract before anything reaches Kafka. */
@Component
class SubmissionValidator {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    private static final int MAX_SHORT_FIELD = 2000;

    private final IngestProperties properties;

    SubmissionValidator(IngestProperties properties) {
        this.properties = properties;
    }

    /** Throws {@link InvalidArticleException} or {@link ArticleTooLargeException}; returns the submission when fine. */
    ArticleSubmission validate(ArticleSubmission submission) {
        if (submission == null) {
            throw new InvalidArticleException(List.of(new FieldProblem("body", "the request has no article")));
        }
        long size = utf8Length(submission.body()) + utf8Length(submission.html()) + utf8Length(submission.text());
        if (size > properties.maxArticleSize().toBytes()) {
            throw new ArticleTooLargeException(size, properties.maxArticleSize());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (submission.content() == null) {
            problems.add(new FieldProblem("body", "at least one of body, html and text must be given and not blank"));
        }
        if (submission.url() != null && !submission.url().isBlank() && !isWebUrl(submission.url())) {
            problems.add(new FieldProblem("url", "must be an absolute http or https URL"));
        }
        if (submission.language() != null && !LANGUAGE_TAG.matcher(submission.language()).matches()) {
            problems.add(new FieldProblem("language", "must be a language tag such as vi or en"));
        }
        checkLength(problems, "url", submission.url());
        checkLength(problems, "source", submission.source());
        checkLength(problems, "externalId", submission.externalId());
        checkLength(problems, "headline", submission.headline());
        checkLength(problems, "publishedAt", submission.publishedAt());
        checkLength(problems, "byline", submission.byline());
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
        return submission;
    }

    private static void checkLength(List<FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > MAX_SHORT_FIELD) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_SHORT_FIELD + " characters"));
        }
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long utf8Length(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
