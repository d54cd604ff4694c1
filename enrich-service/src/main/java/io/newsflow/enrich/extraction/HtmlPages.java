package io.newsflow.enrich.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import io.newsflow.contract.text.VietnameseText;

/**
 * HTML pages: metadata from the page's own markup (Open Graph, {@code article:*}, schema.org
 * itemprops, {@code <time datetime>}), headline lists read and removed, furniture elements removed,
 * then the article container ({@code itemprop=articleBody}, {@code <article>}, else the block with
 * the most paragraph text) turned into lines for {@link BodyCleaner}.
 */
final class HtmlPages {

    private static final String BLOCKS = "p, h2, h3, h4, blockquote, li, pre, td";

    private final BoilerplateRules rules;
    private final BodyCleaner cleaner;
    private final PublishedTimes times;
    private final LanguageDetector languages;
    private final int maxHints;

    HtmlPages(BoilerplateRules rules, PublishedTimes times, LanguageDetector languages, int maxHints) {
        this.rules = rules;
        this.cleaner = new BodyCleaner(rules);
        this.times = times;
        this.languages = languages;
        this.maxHints = maxHints;
    }

    ExtractedArticle extract(String html, String baseUri, String knownTitle) {
        Document page = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String title = firstNonBlank(knownTitle, meta(page, "og:title"), text(page.selectFirst("article h1, h1")),
                titleWithoutSite(page));
        String publishedAt = publishedAt(page);
        String section = firstNonBlank(meta(page, "article:section"), breadcrumbSection(page));
        String description = firstNonBlank(meta(page, "og:description"), meta(page, "description"));
        String declaredLanguage = page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang");

        HeadlineLists hints = new HeadlineLists(rules, maxHints);
        removeHeadlineLists(page, hints, title);
        page.select(rules.htmlDropSelector()).remove();
        removeFurnitureByClass(page.body());

        Element root = articleRoot(page);
        String lead = leadOf(page.body() == null ? root : page.body());
        List<String> lines = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        if (blocks.isEmpty()) {
            lines.addAll(List.of(root.wholeText().split("\\R")));
        } else {
            for (Element block : blocks) {
                // a list item or cell holding paragraphs is represented by those paragraphs
                if (!block.select(BLOCKS).stream().anyMatch(inner -> inner != block)) {
                    lines.add(block.text());
                    lines.add("");
                }
            }
        }
        String language = declaredLanguage.toLowerCase(Locale.ROOT).startsWith("en") ? LanguageDetector.ENGLISH
                : declaredLanguage.toLowerCase(Locale.ROOT).startsWith("vi") ? LanguageDetector.VIETNAMESE
                : languages.detect(String.join("\n", lines));
        BodyCleaner.Cleaned cleaned = cleaner.clean(lines, title, LanguageDetector.VIETNAMESE.equals(language));
        hints.addAll(cleaned.hints());
        List<String> body = cleaned.body();
        String finalLead = firstNonBlank(lead, description, body.isEmpty() ? null : body.get(0));
        return new ExtractedArticle(title, finalLead == null ? null : VietnameseText.collapseWhitespace(finalLead),
                body, publishedAt, section, cleaned.credit(), language, hints.toList());
    }

    private String publishedAt(Document page) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(page, "article:published_time"));
        Element itemprop = page.selectFirst("[itemprop=datePublished]");
        if (itemprop != null) {
            candidates.add(firstNonBlank(itemprop.attr("content"), itemprop.attr("datetime"), itemprop.text()));
        }
        Element time = page.selectFirst("time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        candidates.add(meta(page, "pubdate"));
        for (Element dateLike : page.select("[class*=date], [class*=time]")) {
            if (BodyCleaner.wordCount(dateLike.text()) <= TextPages.MAX_TIME_LINE_WORDS) {
                candidates.add(dateLike.text());
            }
        }
        for (String candidate : candidates) {
            Optional<String> parsed = times.parse(candidate);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return null;
    }

    private String breadcrumbSection(Document page) {
        for (Element crumbs : page.select("[class*=breadcrumb], [itemtype*=BreadcrumbList]")) {
            for (Element link : crumbs.select("a, li, span")) {
                String text = VietnameseText.collapseWhitespace(link.text());
                if (!text.isEmpty() && rules.breadcrumbSection(text).isEmpty()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** A heading such as "Tin liên quan": its links are headline hints, its container is furniture. */
    private void removeHeadlineLists(Document page, HeadlineLists hints, String title) {
        for (Element element : page.body().select("h2, h3, h4, h5, div, span, p, strong, b, header, li")) {
            String own = VietnameseText.collapseWhitespace(element.ownText());
            if (own.isEmpty() || !rules.isListMarker(own) || element.ownerDocument() == null || element.parent() == null) {
                continue;
            }
            Element container = element.parent();
            while (container.select("a").isEmpty() && container.parent() != null && container != page.body()) {
                container = container.parent();
            }
            if (container == page.body() || !container.select("article, [itemprop=articleBody]").isEmpty()) {
                element.remove();
                continue;
            }
            List<String> links = container.select("a").eachText();
            hints.addListLines(links, title);
            container.remove();
        }
    }

    private void removeFurnitureByClass(Element body) {
        if (body == null) {
            return;
        }
        List<Element> furniture = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element == body || element.is("article, main, [itemprop=articleBody]")) {
                continue;
            }
            String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
            for (String word : names.split("[\\s_\\-]+")) {
                if (!word.isEmpty() && rules.isFurnitureClassWord(word)) {
                    furniture.add(element);
                    break;
                }
            }
        }
        furniture.forEach(Element::remove);
    }

    private static Element articleRoot(Document page) {
        Element declared = page.selectFirst("[itemprop=articleBody]");
        if (declared == null) {
            declared = page.selectFirst("article");
        }
        if (declared == null) {
            declared = page.selectFirst("main");
        }
        if (declared != null && !declared.text().isBlank()) {
            return declared;
        }
        // no markup says where the article is: take the block whose own paragraphs hold most text
        Element best = page.body() == null ? page : page.body();
        int bestLength = 0;
        for (Element candidate : page.select("div, section, td")) {
            int length = 0;
            for (Element paragraph : candidate.children()) {
                if (paragraph.is("p")) {
                    length += paragraph.text().length();
                }
            }
            if (length > bestLength) {
                bestLength = length;
                best = candidate;
            }
        }
        return best;
    }

    private String leadOf(Element root) {
        for (Element element : root.getAllElements()) {
            for (String word : element.className().toLowerCase(Locale.ROOT).split("[\\s_\\-]+")) {
                if (!word.isEmpty() && rules.isLeadClassWord(word) && !element.text().isBlank()) {
                    return element.text();
                }
            }
        }
        return null;
    }

    private static String titleWithoutSite(Document page) {
        String title = page.title();
        if (title == null || title.isBlank()) {
            return null;
        }
        // "Headline | Site" is the usual shape; " - " is kept because headlines use it themselves
        int bar = title.indexOf(" | ");
        return (bar > 0 ? title.substring(0, bar) : title).strip();
    }

    private static String meta(Document page, String name) {
        Element meta = page.selectFirst("meta[property=\"" + name + "\"], meta[name=\"" + name + "\"], meta[itemprop=\"" + name + "\"]");
        if (meta == null) {
            return null;
        }
        String content = meta.attr("content").strip();
        return content.isEmpty() ? null : VietnameseText.nfc(content);
    }

    private static String text(Element element) {
        return element == null ? null : VietnameseText.collapseWhitespace(element.text());
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
