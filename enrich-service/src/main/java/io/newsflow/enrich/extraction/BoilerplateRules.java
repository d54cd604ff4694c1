package io.newsflow.enrich.extraction;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.knowledge.ResourceLines;

/**
 * Page furniture markers, loaded once from {@code extraction/boilerplate-vi-en.txt}. Lines are
 * compared by their matching key, so a marker matches whatever its case, diacritics or punctuation.
 */
final class BoilerplateRules {

    static final String RESOURCE = "extraction/boilerplate-vi-en.txt";

    /** Longer than this, a line is prose: no marker, widget or credit line is. */
    static final int MAX_MARKER_CHARS = 80;

    private static final Pattern BRACKET_TAG = Pattern.compile("^\\s*[\\[(]([^\\])]{1,30})[\\])]");

    private final Set<String> listMarkers;
    private final Set<String> hintStopMarkers;
    private final Set<String> widgetLines;
    private final Set<String> teaserTags;
    private final List<String> creditPrefixes;
    private final List<String> breadcrumbStarts;
    private final List<String> sections;
    private final Evaluator htmlDropEvaluator;
    private final List<String> sectionKeys;
    private final Set<String> htmlDropClassWords;
    private final Set<String> htmlLeadClassWords;

    private BoilerplateRules(Map<String, List<String>> data) {
        listMarkers = keys(data, "list-markers");
        hintStopMarkers = keys(data, "hint-stop-markers");
        widgetLines = keys(data, "widget-lines");
        teaserTags = keys(data, "teaser-tags");
        creditPrefixes = List.copyOf(keys(data, "credit-prefixes"));
        breadcrumbStarts = keys(data, "breadcrumb-starts").stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        sections = data.getOrDefault("sections", List.of()).stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        sectionKeys = sections.stream().map(VietnameseText::key).toList();
        // parsed once: jsoup would parse the selector list again on every page
        htmlDropEvaluator = QueryParser.parse(String.join(", ", data.getOrDefault("html-drop-selectors", List.of())));
        htmlDropClassWords = Set.copyOf(data.getOrDefault("html-drop-class-words", List.of()));
        htmlLeadClassWords = Set.copyOf(data.getOrDefault("html-lead-class-words", List.of()));
    }

    /** The key of the line a thread looked at last: a line is checked against several rules in a row. */
    private static final class LastKey {
        private String line;
        private String key;
    }

    private final ThreadLocal<LastKey> lastKey = ThreadLocal.withInitial(LastKey::new);

    /**
     * The matching key of a line, folded once however many rules look at the same line: folding is the
     * costly part of every rule.
     */
    String keyOf(String line) {
        LastKey last = lastKey.get();
        if (last.line != line) {
            last.key = VietnameseText.key(line);
            last.line = line;
        }
        return last.key;
    }

    static BoilerplateRules load() {
        return new BoilerplateRules(ResourceLines.sections(RESOURCE));
    }

    private static Set<String> keys(Map<String, List<String>> data, String section) {
        List<String> lines = data.get(section);
        if (lines == null) {
            throw new IllegalStateException(RESOURCE + " has no [" + section + "] section");
        }
        return lines.stream().map(VietnameseText::key).filter(key -> !key.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    boolean isListMarker(String line) {
        return isShort(line) && listMarkers.contains(keyOf(line));
    }

    boolean isHintStop(String line) {
        return isShort(line) && hintStopMarkers.contains(keyOf(line));
    }

    boolean isWidget(String line) {
        return isShort(line) && widgetLines.contains(keyOf(line));
    }

    /** Markers, widgets and credits are short lines; paragraphs need no folding to be told apart from them. */
    private static boolean isShort(String line) {
        return line.length() <= MAX_MARKER_CHARS;
    }

    /** "[Video] …", "(Infographic) …": a teaser of a multimedia list. */
    boolean isTeaser(String line) {
        // only a line opening with a bracket can be one: most lines need no pattern run
        int first = 0;
        while (first < line.length() && isPatternSpace(line.charAt(first))) {
            first++;
        }
        if (first == line.length() || (line.charAt(first) != '[' && line.charAt(first) != '(')) {
            return false;
        }
        Matcher tag = BRACKET_TAG.matcher(line);
        return tag.find() && teaserTags.contains(VietnameseText.key(tag.group(1)));
    }

    /**
     * The credit of a credit line ("Theo VOV", "Nguồn: TTXVN"): a known prefix followed by a short,
     * capitalised name. An empty credit line ("Nguồn:") is furniture: present but empty.
     */
    Optional<String> credit(String line) {
        if (!isShort(line)) {
            return Optional.empty();
        }
        String key = keyOf(line);
        for (String prefix : creditPrefixes) {
            if (key.equals(prefix)) {
                return Optional.of("");
            }
            if (key.length() > prefix.length() && key.startsWith(prefix) && key.charAt(prefix.length()) == ' ') {
                String rest = line.strip().substring(firstWordLength(line)).replaceFirst("^[\\s:：\\-–—]+", "");
                boolean shortName = !rest.isEmpty() && rest.split("\\s+").length <= 6;
                boolean looksLikeName = !rest.isEmpty() && Character.isUpperCase(rest.codePointAt(0));
                if (shortName && looksLikeName && !rest.contains(",") && !rest.endsWith(".")) {
                    return Optional.of(line.strip());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code \s} of a regular expression. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static int firstWordLength(String line) {
        String stripped = line.strip();
        int end = 0;
        while (end < stripped.length() && Character.isLetter(stripped.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The section of a breadcrumb line ("Trang chủ Chính trị - Xã hội …"), if the line is one. */
    Optional<String> breadcrumbSection(String line) {
        String key = keyOf(line);
        for (String start : breadcrumbStarts) {
            if (key.equals(start) || key.startsWith(start + " ")) {
                String rest = dropLeadingWords(line, start.split(" ").length);
                return Optional.of(section(rest));
            }
        }
        return Optional.empty();
    }

    /** The first known section name a trail starts with, else its first segment. */
    String section(String trail) {
        String trailKey = VietnameseText.key(trail);
        for (int i = 0; i < sections.size(); i++) {
            String key = sectionKeys.get(i);
            if (trailKey.equals(key) || trailKey.startsWith(key + " ")) {
                return sections.get(i);
            }
        }
        String[] segments = trail.split("\\s*(?:>|»|›|/|\\|)\\s*");
        return segments.length == 0 ? trail.strip() : segments[0].strip();
    }

    private static String dropLeadingWords(String line, int words) {
        String[] tokens = line.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(tokens).subList(Math.min(words, tokens.length), tokens.length));
    }

    Evaluator htmlDropEvaluator() {
        return htmlDropEvaluator;
    }

    boolean isFurnitureClassWord(String word) {
        return htmlDropClassWords.contains(word);
    }

    boolean isLeadClassWord(String word) {
        return htmlLeadClassWords.contains(word);
    }
}
