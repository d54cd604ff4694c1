package io.newsflow.ingest.submission;

/**
 * The JSON body of {@code POST /api/v1/articles}: a structured article or a raw page
 * ({@code html} or {@code text}). Field names are those of the public API.
 */
public record ArticleSubmission(
        String url,
        String source,
        String externalId,
        String headline,
        String body,
        String html,
        String text,
        String publishedAt,
        String language,
        String byline) {

    /** A raw page posted as {@code text/html} or {@code text/plain}. */
    static ArticleSubmission page(String page, boolean html, String url, String source) {
        return new ArticleSubmission(url, source, null, null, null, html ? page : null, html ? null : page,
                null, null, null);
    }

    /** The content the article is made of, the page when there is one. */
    String content() {
        for (String candidate : new String[] {html, text, body}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
