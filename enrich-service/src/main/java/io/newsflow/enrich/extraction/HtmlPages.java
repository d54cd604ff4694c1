package io.newsflow.enrich.extraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import io.newsflow.contract.text.VietnameseText;

/**
 * HTML pages: metadata from the page's own markup (Open Graph, {@code article:*}, schema.org
 * itemprops, {@code <time datetime>}), headline lists read and removed, furniture elements removed,
 * then the article container ({@code itemprop=articleBody}, {@code <article>}, else the block with
 * the most paragraph text) turned into lines for {@link BodyCleaner}.
 */
final class HtmlPages {

    // CSS queries parsed once: jsoup parses a query string again on every select or is
    private static final Evaluator BLOCKS = QueryParser.parse("p, h2, h3, h4, blockquote, li, pre, td");
    private static final Evaluator ARTICLE_CONTAINERS = QueryParser.parse("article, main, [itemprop=articleBody]");
    private static final Evaluator ARTICLE_INSIDE = QueryParser.parse("article, [itemprop=articleBody]");
    private static final Evaluator LIST_MARKER_HOLDERS = QueryParser.parse("h2, h3, h4, h5, div, span, p, strong, b, header, li");
    private static final Evaluator LINKS = QueryParser.parse("a");
    private static final Evaluator BREADCRUMBS = QueryParser.parse("[class*=breadcrumb], [itemtype*=BreadcrumbList]");
    private static final Evaluator BREADCRUMB_PARTS = QueryParser.parse("a, li, span");
    private static final Evaluator DATE_LIKE = QueryParser.parse("[class*=date], [class*=time]");
    private static final Evaluator META = QueryParser.parse("meta[content]");
    private static final Evaluator HEADLINE = QueryParser.parse("article h1, h1");
    private static final Evaluator HTML = QueryParser.parse("html");
    private static final Evaluator DATE_PUBLISHED = QueryParser.parse("[itemprop=datePublished]");
    private static final Evaluator TIME_WITH_DATETIME = QueryParser.parse("time[datetime]");
    private static final Evaluator ARTICLE_BODY = QueryParser.parse("[itemprop=articleBody]");
    private static final Evaluator ARTICLE = QueryParser.parse("article");
    private static final Evaluator MAIN = QueryParser.parse("main");
    private static final Evaluator TEXT_BLOCK_CANDIDATES = QueryParser.parse("div, section, td");
    private static final Evaluator PARAGRAPH = QueryParser.parse("p");

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
        Map<String, String> metas = metas(page);
        // the page is searched only for what its metadata does not give
        String title = firstNonBlank(knownTitle, metas.get("og:title"));
        if (title == null) {
            title = firstNonBlank(text(page.selectFirst(HEADLINE)), titleWithoutSite(page));
        }
        String publishedAt = publishedAt(page, metas);
        String section = firstNonBlank(metas.get("article:section"));
        if (section == null) {
            section = firstNonBlank(breadcrumbSection(page));
        }
        String description = firstNonBlank(metas.get("og:description"), metas.get("description"));
        Element htmlElement = page.selectFirst(HTML);
        String declaredLanguage = htmlElement == null ? "" : htmlElement.attr("lang");

        HeadlineLists hints = new HeadlineLists(rules, maxHints);
        removeHeadlineLists(page, hints, title);
        page.select(rules.htmlDropEvaluator()).remove();
        removeFurnitureByClass(page.body());

        Element root = articleRoot(page);
        String lead = leadOf(page.body() == null ? root : page.body());
        List<String> lines = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        if (blocks.isEmpty()) {
            lines.addAll(List.of(root.wholeText().split("\\R")));
        } else {
            Set<Element> holders = blockHolders(blocks, root);
            for (Element block : blocks) {
                // a list item or cell holding paragraphs is represented by those paragraphs
                if (!holders.contains(block)) {
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
        return new ExtractedArticle(title, finalLead == null ? null : Whitespace.collapse(finalLead),
                body, publishedAt, section, cleaned.credit(), language, hints.toList());
    }

    /** The blocks that hold other blocks: one walk up from each block instead of a search below each. */
    private static Set<Element> blockHolders(Elements blocks, Element root) {
        Set<Element> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(blocks);
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element block : blocks) {
            for (Element parent = block.parent(); parent != null && parent != root.parent(); parent = parent.parent()) {
                if (all.contains(parent) && !holders.add(parent)) {
                    break;
                }
            }
        }
        return holders;
    }

    /** The first of the page's date candidates that parses, in order of trust; later ones are not looked for. */
    private String publishedAt(Document page, Map<String, String> metas) {
        Optional<String> parsed = times.parse(metas.get("article:published_time"));
        if (parsed.isPresent()) {
            return parsed.get();
        }
        Element itemprop = page.selectFirst(DATE_PUBLISHED);
        if (itemprop != null) {
            parsed = times.parse(firstNonBlank(itemprop.attr("content"), itemprop.attr("datetime"), itemprop.text()));
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        Element time = page.selectFirst(TIME_WITH_DATETIME);
        if (time != null) {
            parsed = times.parse(time.attr("datetime"));
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        parsed = times.parse(metas.get("pubdate"));
        if (parsed.isPresent()) {
            return parsed.get();
        }
        for (Element dateLike : page.select(DATE_LIKE)) {
            String text = dateLike.text();
            if (BodyCleaner.wordCount(text, TextPages.MAX_TIME_LINE_WORDS) <= TextPages.MAX_TIME_LINE_WORDS) {
                parsed = times.parse(text);
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
        }
        return null;
    }

    private String breadcrumbSection(Document page) {
        for (Element crumbs : page.select(BREADCRUMBS)) {
            for (Element link : crumbs.select(BREADCRUMB_PARTS)) {
                String text = Whitespace.collapse(link.text());
                if (!text.isEmpty() && rules.breadcrumbSection(text).isEmpty()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** A heading such as "Tin liên quan": its links are headline hints, its container is furniture. */
    private void removeHeadlineLists(Document page, HeadlineLists hints, String title) {
        for (Element element : page.body().select(LIST_MARKER_HOLDERS)) {
            // a marker is a short line: an element owning more letters is prose, no need to gather its text
            if (ownLettersExceed(element, BoilerplateRules.MAX_MARKER_CHARS)) {
                continue;
            }
            String own = element.ownText();
            // markers are short lines: long own text is prose, no need to normalise it
            if (own.length() > 2 * BoilerplateRules.MAX_MARKER_CHARS) {
                continue;
            }
            own = Whitespace.collapse(own);
            if (own.isEmpty() || !rules.isListMarker(own) || element.ownerDocument() == null || element.parent() == null) {
                continue;
            }
            Element container = element.parent();
            while (container.selectFirst(LINKS) == null && container.parent() != null && container != page.body()) {
                container = container.parent();
            }
            if (container == page.body() || container.selectFirst(ARTICLE_INSIDE) != null) {
                element.remove();
                continue;
            }
            List<String> links = container.select(LINKS).eachText();
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
            if (element == body) {
                continue;
            }
            String className = element.className();
            String id = element.id();
            // most elements have neither: the cheap test first
            if ((className.isEmpty() && id.isEmpty()) || element.is(ARTICLE_CONTAINERS)) {
                continue;
            }
            if (hasClassWord(className, rules::isFurnitureClassWord) || hasClassWord(id, rules::isFurnitureClassWord)) {
                furniture.add(element);
            }
        }
        furniture.forEach(Element::remove);
    }

    /** Whether a word of a class list or id, split at whitespace, "_" and "-" and lower-cased, is one of {@code words}. */
    private static boolean hasClassWord(String names, Predicate<String> words) {
        int length = names.length();
        int i = 0;
        while (i < length) {
            while (i < length && isClassWordBreak(names.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !isClassWordBreak(names.charAt(i))) {
                i++;
            }
            if (i > start && words.test(names.substring(start, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace as the regex {@code \s} reads it, "_" and "-". */
    private static boolean isClassWordBreak(char c) {
        return c == '_' || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static Element articleRoot(Document page) {
        Element declared = page.selectFirst(ARTICLE_BODY);
        if (declared == null) {
            declared = page.selectFirst(ARTICLE);
        }
        if (declared == null) {
            declared = page.selectFirst(MAIN);
        }
        // one letter anywhere below is enough to know the text is not blank, without gathering it
        if (declared != null && (holdsLetterOrDigit(declared) || !declared.text().isBlank())) {
            return declared;
        }
        // no markup says where the article is: take the block whose own paragraphs hold most text
        Element best = page.body() == null ? page : page.body();
        int bestLength = 0;
        for (Element candidate : page.select(TEXT_BLOCK_CANDIDATES)) {
            int length = 0;
            for (Element paragraph : candidate.children()) {
                if (paragraph.is(PARAGRAPH)) {
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
            if (hasClassWord(element.className(), rules::isLeadClassWord) && !element.text().isBlank()) {
                return element.text();
            }
        }
        return null;
    }

    /** Whether the element's own text nodes hold more than {@code limit} letters and digits. */
    private static boolean ownLettersExceed(Element element, int limit) {
        int count = 0;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                String whole = text.getWholeText();
                for (int i = 0; i < whole.length(); i++) {
                    if (Character.isLetterOrDigit(whole.charAt(i)) && ++count > limit) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether a text node anywhere below the element holds a letter or a digit. */
    private static boolean holdsLetterOrDigit(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                String whole = text.getWholeText();
                for (int i = 0; i < whole.length(); i++) {
                    if (Character.isLetterOrDigit(whole.charAt(i))) {
                        return true;
                    }
                }
            } else if (child instanceof Element inner && holdsLetterOrDigit(inner)) {
                return true;
            }
        }
        return false;
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

    /** The page's meta values by property, name or itemprop (the first one given wins), read in one pass. */
    private static Map<String, String> metas(Document page) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : page.select(META)) {
            String content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attribute : List.of("property", "name", "itemprop")) {
                String name = meta.attr(attribute);
                if (!name.isEmpty()) {
                    metas.computeIfAbsent(name, key -> VietnameseText.nfc(content));
                }
            }
        }
        return metas;
    }

    private static String text(Element element) {
        return element == null ? null : Whitespace.collapse(element.text());
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
