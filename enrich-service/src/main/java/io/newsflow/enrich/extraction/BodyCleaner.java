package io.newsflow.enrich.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.newsflow.contract.text.VietnameseText;

/**
 * Turns the lines of an article region into body paragraphs. The rules are about the shape of
 * page furniture, not about any one site: widgets, photo captions (a repeat of the title followed
 * by a short line, or short lines right after an image), headlines repeated twice in a row
 * (inline "related" links), multimedia teasers, URL-slug lines, credit lines, fragments too short to
 * be prose, and repeated paragraphs. A blank line separates blocks.
 */
final class BodyCleaner {

    /** Captions are short; a line this long after an image is prose again. */
    static final int CAPTION_MAX_WORDS = 30;
    /** Shorter fragments without sentence punctuation are menus, labels or buttons. */
    static final int MIN_FRAGMENT_WORDS = 5;

    /** Punctuation and spacing may differ between a title and its repeat by a few characters. */
    private static final int TITLE_LENGTH_SLACK = 8;

    private static final Pattern IMAGE_MARKER = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    /** The characters a sentence ends with, closing quotes and brackets included. */
    private static final String SENTENCE_END = ".!?…:;\"”'’)";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?: [a-z0-9]+){3,}");

    private final BoilerplateRules rules;

    BodyCleaner(BoilerplateRules rules) {
        this.rules = rules;
    }

    record Cleaned(List<String> body, String credit, List<String> hints) {
    }

    Cleaned clean(List<String> lines, String title, boolean vietnamesePage) {
        String titleKey = title == null ? "" : VietnameseText.key(title);
        List<String> body = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> hints = new LinkedHashSet<>();
        String credit = null;
        boolean afterImage = false;
        boolean captionRows = false;
        boolean afterTitleRepeat = false;
        for (String raw : lines) {
            String line = Whitespace.collapse(VietnameseText.nfc(raw));
            if (line.isEmpty()) {
                afterImage = false;
                afterTitleRepeat = false;
                continue;
            }
            // most lines hold no "![": no need to run the image pattern over them
            if (line.contains("![") && IMAGE_MARKER.matcher(line).find()) {
                // whatever shares the image's line is its caption
                afterImage = true;
                captionRows = false;
                continue;
            }
            boolean tableRow = line.startsWith("|");
            String text = tableRow ? Whitespace.collapse(line.replace("|", " ")) : line;
            if (text.isEmpty()) {
                continue;
            }
            int words = wordCount(text, CAPTION_MAX_WORDS);
            if (afterImage && tableRow) {
                // a caption laid out as table rows under the image: every row of it
                captionRows = true;
                continue;
            }
            if (afterImage && !captionRows && words <= CAPTION_MAX_WORDS) {
                // a caption as one short line under the image
                afterImage = false;
                continue;
            }
            afterImage = false;
            captionRows = false;
            if (rules.isWidget(text) || !hasLetterOrDigit(text)) {
                continue;
            }
            // folding is costly on long paragraphs: only lines about the title's length can repeat it
            boolean titleSized = title != null && Math.abs(text.length() - title.length()) <= TITLE_LENGTH_SLACK;
            if (titleSized && VietnameseText.key(text).equals(titleKey)) {
                // pages print the title again above each photo, with the caption on the next line
                afterTitleRepeat = true;
                continue;
            }
            if (afterTitleRepeat && words <= CAPTION_MAX_WORDS) {
                afterTitleRepeat = false;
                continue;
            }
            afterTitleRepeat = false;
            if (rules.isListMarker(text)) {
                break;
            }
            Optional<String> creditLine = rules.credit(text);
            if (creditLine.isPresent()) {
                if (credit == null && !creditLine.get().isEmpty()) {
                    credit = creditLine.get();
                }
                continue;
            }
            Optional<String> repeated = repeatedHeadline(text);
            if (repeated.isPresent()) {
                hints.add(repeated.get());
                continue;
            }
            if (rules.isTeaser(text) || (vietnamesePage && SLUG.matcher(text).matches())) {
                continue;
            }
            if (words < MIN_FRAGMENT_WORDS && !Whitespace.endsWithOneOf(text, SENTENCE_END)) {
                continue;
            }
            if (seen.add(text)) {
                body.add(text);
            }
        }
        return new Cleaned(body, credit, List.copyOf(hints));
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    /** "Headline Headline": link text and title of one inline link, printed side by side. */
    static Optional<String> repeatedHeadline(String line) {
        int length = line.length();
        boolean singleSpaced = length > 0 && line.charAt(0) != ' ' && line.charAt(length - 1) != ' ' && !line.contains("  ");
        if (singleSpaced) {
            // "A B A B" is its first half, a space and the same half again: no need to split every line
            int half = length / 2;
            if (length % 2 == 0 || line.charAt(half) != ' ' || !line.regionMatches(0, line, half + 1, half)
                    || line.indexOf(' ') >= half) {
                return Optional.empty();
            }
            return Optional.of(line.substring(0, half));
        }
        String[] tokens = line.split(" ");
        if (tokens.length < 4 || tokens.length % 2 != 0) {
            return Optional.empty();
        }
        int half = tokens.length / 2;
        for (int i = 0; i < half; i++) {
            if (!tokens[i].equals(tokens[i + half])) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join(" ", java.util.Arrays.asList(tokens).subList(0, half)));
    }

    /** Words separated by whitespace, counted without splitting the text. */
    static int wordCount(String text) {
        return wordCount(text, Integer.MAX_VALUE);
    }

    /**
     * Words separated by whitespace, counted up to one more than {@code limit}: enough to compare with
     * a limit without reading the rest of a long paragraph.
     */
    static int wordCount(String text, int limit) {
        // the words of text.strip(), without making the stripped copy
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int i = 0;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == end) {
            return 0;
        }
        int words = 1;
        boolean inSpace = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
            if (space && !inSpace && ++words > limit) {
                return words;
            }
            inSpace = space;
        }
        return words;
    }
}
