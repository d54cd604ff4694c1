package io.newsflow.enrich.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;

import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.knowledge.WordCharacters;

/**
 * Plain-text pages as a browser's "copy all" or a reader-mode tool produce them: a header (breadcrumb,
 * time, title), the article, then the page's headline lists and multimedia teasers.
 */
final class TextPages {

    static final int MIN_TITLE_WORDS = 3;
    static final int MAX_TITLE_WORDS = 40;
    /** A time line is short: "17:02 | 26/05/2022 GMT+7", "Thứ Năm, 26/5/2022, 08:15 (GMT+7)". */
    static final int MAX_TIME_LINE_WORDS = 10;
    /** The header (breadcrumb, time, title) is within the first few non-blank lines. */
    static final int HEADER_LINES = 6;
    /** Word overlap above which two paragraphs are one text printed twice. */
    static final double NEAR_DUPLICATE_JACCARD = 0.6;

    private final BoilerplateRules rules;
    private final BodyCleaner cleaner;
    private final PublishedTimes times;
    private final LanguageDetector languages;
    private final int maxHints;

    TextPages(BoilerplateRules rules, PublishedTimes times, LanguageDetector languages, int maxHints) {
        this.rules = rules;
        this.cleaner = new BodyCleaner(rules);
        this.times = times;
        this.languages = languages;
        this.maxHints = maxHints;
    }

    ExtractedArticle extract(String text, String knownTitle) {
        List<String> lines = Whitespace.lines(VietnameseText.nfc(text));
        String section = null;
        String publishedAt = null;
        String title = knownTitle;
        int titleIndex = -1;
        int nonBlank = 0;
        for (int i = 0; i < lines.size() && nonBlank < HEADER_LINES; i++) {
            String line = Whitespace.collapse(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            nonBlank++;
            Optional<String> breadcrumb = rules.breadcrumbSection(line);
            if (breadcrumb.isPresent()) {
                section = section == null && !breadcrumb.get().isEmpty() ? breadcrumb.get() : section;
                continue;
            }
            if (BodyCleaner.wordCount(line, MAX_TIME_LINE_WORDS) <= MAX_TIME_LINE_WORDS) {
                Optional<String> time = times.parse(line);
                if (time.isPresent()) {
                    publishedAt = publishedAt == null ? time.get() : publishedAt;
                    continue;
                }
            }
            if (rules.isWidget(line) || titleIndex >= 0) {
                continue;
            }
            int words = BodyCleaner.wordCount(line, MAX_TITLE_WORDS);
            if (knownTitle == null && words >= MIN_TITLE_WORDS && words <= MAX_TITLE_WORDS) {
                title = line;
                titleIndex = i;
            } else if (knownTitle != null && VietnameseText.key(line).equals(VietnameseText.key(knownTitle))) {
                titleIndex = i;
            }
        }
        int cut = firstListMarker(lines, titleIndex + 1);
        List<String> articleLines = new ArrayList<>(lines.subList(titleIndex + 1, cut));
        List<String> listLines = lines.subList(cut, lines.size());

        String language = languages.detect(String.join("\n", articleLines));
        BodyCleaner.Cleaned cleaned = cleaner.clean(articleLines, title, LanguageDetector.VIETNAMESE.equals(language));
        List<String> hints = new HeadlineLists(rules, maxHints)
                .addAll(cleaned.hints())
                .addListLines(listLines, title)
                .toList();
        String credit = cleaned.credit();
        List<String> body = cleaned.body();
        String lead = body.isEmpty() ? null : body.get(0);
        if (body.size() > 1 && restatedLater(body)) {
            // the first paragraph is the page's summary (sapo) of a paragraph printed again below
            body = body.subList(1, body.size());
        }
        return new ExtractedArticle(title, lead, body, publishedAt, section, credit, language, hints);
    }

    /** True when a later paragraph says what the first one says, nearly word for word. */
    private static boolean restatedLater(List<String> body) {
        Set<String> first = words(body.get(0), Integer.MAX_VALUE);
        // the overlap is at most |first| / |other|: a paragraph with many more distinct words cannot
        // repeat the first one, and reading it stops as soon as it has that many
        int maxOtherWords = (int) Math.floor(first.size() / NEAR_DUPLICATE_JACCARD) + 1;
        for (String later : body.subList(1, body.size())) {
            Set<String> other = words(later, maxOtherWords);
            if (other.size() >= maxOtherWords && (double) first.size() / other.size() < NEAR_DUPLICATE_JACCARD) {
                continue;
            }
            int shared = 0;
            for (String word : other) {
                if (first.contains(word)) {
                    shared++;
                }
            }
            int all = first.size() + other.size() - shared;
            if (all > 0 && (double) shared / all >= NEAR_DUPLICATE_JACCARD) {
                return true;
            }
        }
        return false;
    }

    /** The distinct words of the paragraph in lower case, read until there are {@code limit} of them. */
    private static Set<String> words(String paragraph, int limit) {
        Set<String> words = new HashSet<>();
        int length = paragraph.length();
        if (length > 0 && !WordCharacters.isWordPart(paragraph.codePointAt(0))) {
            // a text opening with punctuation splits into a leading empty word, as String.split does
            words.add("");
        }
        for (int start = WordCharacters.wordStart(paragraph, 0), end; start < length; start = WordCharacters.wordStart(paragraph, end)) {
            end = WordCharacters.wordEnd(paragraph, start);
            // both paragraphs come from the same page: lower case is enough, no folding needed; only the
            // words read are lowered, not the whole paragraph
            words.add(paragraph.substring(start, end).toLowerCase(Locale.ROOT));
            if (words.size() >= limit) {
                return words;
            }
        }
        return words;
    }

    private int firstListMarker(List<String> lines, int from) {
        for (int i = Math.max(from, 0); i < lines.size(); i++) {
            if (rules.isListMarker(lines.get(i))) {
                return i;
            }
        }
        return lines.size();
    }
}
