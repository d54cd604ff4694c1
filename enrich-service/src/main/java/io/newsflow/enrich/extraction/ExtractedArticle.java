package io.newsflow.enrich.extraction;

import java.util.List;

/**
 * What extraction found on one page, before entities and tags.
 *
 * @param title          clean title
 * @param lead           the lead (sapo): the page's own summary or the first paragraph
 * @param body           body paragraphs without page furniture
 * @param publishedAt    ISO-8601 with offset, e.g. {@code 2022-05-26T17:02:00+07:00}; null when unknown
 * @param section        section from the breadcrumb or the page metadata; null when unknown
 * @param credit         credit line such as {@code Theo VOV}; null when absent
 * @param language       {@code vi} or {@code en}
 * @param headlineHints  headlines of the page's own lists, never part of the body
 */
public record ExtractedArticle(String title, String lead, List<String> body, String publishedAt, String section,
                               String credit, String language, List<String> headlineHints) {

    public ExtractedArticle {
        body = List.copyOf(body);
        headlineHints = List.copyOf(headlineHints);
    }

    /** Title, lead and body as one text, for the analyses that read the whole article. */
    public String fullText() {
        StringBuilder text = new StringBuilder();
        if (title != null) {
            text.append(title).append("\n\n");
        }
        if (lead != null && (body.isEmpty() || !body.get(0).equals(lead))) {
            text.append(lead).append("\n\n");
        }
        for (String paragraph : body) {
            text.append(paragraph).append("\n\n");
        }
        return text.toString().strip();
    }
}
