package io.newsflow.enrich.extraction;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.newsflow.contract.RawArticle;
import io.newsflow.contract.text.VietnameseText;

/**
 * Extraction of one raw article: a structured article (headline and body given), an HTML page or
 * a plain-text page. Pure Java: the rules are loaded once from the data files and the extractor is
 * safe to share between threads.
 */
public final class ArticleExtractor {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("(?is)^\\s*(<!doctype|<html|<head|<body|<article|<div|<p[\\s>])");
    private static final Pattern HAS_BLOCK_TAGS = Pattern.compile("(?i)</?(p|div|br|h[1-6]|article)[\\s/>]");

    private final BoilerplateRules rules;
    private final PublishedTimes times;
    private final LanguageDetector languages;
    private final TextPages textPages;
    private final HtmlPages htmlPages;
    private final BodyCleaner cleaner;

    public ArticleExtractor(ZoneId defaultZone, int maxHeadlineHints) {
        this.rules = BoilerplateRules.load();
        this.times = new PublishedTimes(defaultZone);
        this.languages = LanguageDetector.load();
        this.textPages = new TextPages(rules, times, languages, maxHeadlineHints);
        this.htmlPages = new HtmlPages(rules, times, languages, maxHeadlineHints);
        this.cleaner = new BodyCleaner(rules);
    }

    /** The extractor with the platform defaults: Vietnamese time zone, up to 30 headline hints. */
    public static ArticleExtractor withDefaults() {
        return new ArticleExtractor(ZoneId.of("Asia/Ho_Chi_Minh"), 30);
    }

    /**
     * Extracts the article. The partner's own fields (headline, published time, language) win
     * over what the page says, because the partner knows its article.
     *
     * @throws IllegalArgumentException when the article has no body, html or text
     */
    public ExtractedArticle extract(RawArticle raw) {
        if (!raw.hasContent()) {
            throw new IllegalArgumentException("no body, html or text");
        }
        String headline = blankToNull(raw.headline());
        ExtractedArticle page;
        if (!isBlank(raw.html())) {
            page = htmlPages.extract(raw.html(), raw.url(), headline);
        } else if (!isBlank(raw.text())) {
            page = LOOKS_LIKE_HTML.matcher(raw.text()).find()
                    ? htmlPages.extract(raw.text(), raw.url(), headline)
                    : textPages.extract(raw.text(), headline);
        } else {
            page = structured(raw.body(), headline, raw.url());
        }
        String publishedAt = times.parse(raw.publishedAt()).orElse(page.publishedAt());
        String language = isBlank(raw.language()) ? page.language()
                : raw.language().strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return new ExtractedArticle(page.title(), page.lead(), page.body(), publishedAt, page.section(),
                page.credit(), language, page.headlineHints());
    }

    /** A structured body: paragraphs separated by blank lines (or by lines), or an HTML fragment. */
    private ExtractedArticle structured(String body, String headline, String url) {
        if (HAS_BLOCK_TAGS.matcher(body).find()) {
            return htmlPages.extract("<html><body><article>" + body + "</article></body></html>", url, headline);
        }
        String nfc = VietnameseText.nfc(body);
        List<String> lines = nfc.contains("\n\n") || nfc.contains("\r\n\r\n")
                ? Arrays.stream(nfc.split("\\R\\s*\\R")).map(paragraph -> paragraph.replaceAll("\\R", " ")).toList()
                : Arrays.asList(nfc.split("\\R"));
        String language = languages.detect(nfc);
        BodyCleaner.Cleaned cleaned = cleaner.clean(separated(lines), headline, LanguageDetector.VIETNAMESE.equals(language));
        String lead = cleaned.body().isEmpty() ? null : cleaned.body().get(0);
        String title = headline != null ? headline : lead;
        return new ExtractedArticle(title, lead, cleaned.body(), null, null, cleaned.credit(), language, cleaned.hints());
    }

    private static List<String> separated(List<String> paragraphs) {
        return paragraphs.stream().flatMap(paragraph -> java.util.stream.Stream.of(paragraph, "")).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : Whitespace.collapse(VietnameseText.nfc(value));
    }
}
