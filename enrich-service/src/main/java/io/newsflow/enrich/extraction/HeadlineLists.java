package io.newsflow.enrich.extraction;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.newsflow.contract.text.VietnameseText;

/**
 * Collects headlines from the page's own lists ("Tin bài liên quan", "Đọc nhiều", "Related"…):
 * short lines that read like headlines (no closing full stop, not a teaser, menu or slug). The
 * summaries printed under them end like sentences and are skipped.
 */
final class HeadlineLists {

    static final int MIN_HEADLINE_WORDS = 4;
    static final int MAX_HEADLINE_WORDS = 30;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?: [a-z0-9]+)+");
    /** The characters a summary under a headline ends with. */
    private static final String SENTENCE_END = ".…:;";

    private final BoilerplateRules rules;
    private final int limit;
    private final Map<String, String> headlines = new LinkedHashMap<>();

    HeadlineLists(BoilerplateRules rules, int limit) {
        this.rules = rules;
        this.limit = limit;
    }

    /** Adds the headlines among {@code lines}, which follow a list marker; stops at a hint-stop marker. */
    HeadlineLists addListLines(List<String> lines, String title) {
        String titleKey = title == null ? "" : VietnameseText.key(title);
        for (String raw : lines) {
            if (headlines.size() >= limit) {
                // full: the rest of the page's lists cannot add anything
                break;
            }
            String line = Whitespace.collapse(VietnameseText.nfc(raw));
            if (line.isEmpty() || rules.isListMarker(line)) {
                continue;
            }
            if (rules.isHintStop(line)) {
                break;
            }
            String headline = BodyCleaner.repeatedHeadline(line).orElse(line);
            if (looksLikeHeadline(headline)) {
                String key = rules.keyOf(headline);
                if (!key.equals(titleKey)) {
                    // already normalised above: no second pass
                    headlines.putIfAbsent(key, headline);
                }
            }
        }
        return this;
    }

    HeadlineLists addAll(Collection<String> found) {
        found.forEach(this::add);
        return this;
    }

    void add(String headline) {
        String clean = Whitespace.collapse(VietnameseText.nfc(headline));
        if (headlines.size() < limit && !clean.isEmpty()) {
            headlines.putIfAbsent(VietnameseText.key(clean), clean);
        }
    }

    boolean looksLikeHeadline(String line) {
        int words = BodyCleaner.wordCount(line, MAX_HEADLINE_WORDS);
        return words >= MIN_HEADLINE_WORDS && words <= MAX_HEADLINE_WORDS
                && !Whitespace.endsWithOneOf(line, SENTENCE_END)
                && !rules.isTeaser(line) && !rules.isWidget(line)
                && !SLUG.matcher(line).matches();
    }

    List<String> toList() {
        return List.copyOf(headlines.values());
    }
}
