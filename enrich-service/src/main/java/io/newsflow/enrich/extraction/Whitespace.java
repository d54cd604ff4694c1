package io.newsflow.enrich.extraction;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.contract.text.VietnameseText;

/**
 * {@link VietnameseText#collapseWhitespace} and line splitting without regular expressions: every line
 * of every page goes through them, and most lines are already single-spaced and trimmed, which one scan
 * confirms.
 */
final class Whitespace {

    private Whitespace() {
    }

    /** Same result as {@link VietnameseText#collapseWhitespace}: runs of whitespace become one space; trimmed. */
    static String collapse(String text) {
        int length = text.length();
        if (length == 0) {
            return text;
        }
        if (!Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(length - 1))) {
            char previous = 'x';
            boolean clean = true;
            for (int i = 0; i < length && clean; i++) {
                char c = text.charAt(i);
                // the characters the shared rule collapses, and spaces in a row
                clean = !(isCollapsed(c) && (c != ' ' || previous == ' '));
                previous = c;
            }
            if (clean) {
                return text;
            }
        }
        StringBuilder collapsed = new StringBuilder(length);
        boolean inRun = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isCollapsed(c)) {
                if (!inRun) {
                    collapsed.append(' ');
                }
                inRun = true;
            } else {
                collapsed.append(c);
                inRun = false;
            }
        }
        return collapsed.toString().strip();
    }

    /** The shared rule's {@code [\s\u00A0\u2007\u202F\u200B]}. */
    private static boolean isCollapsed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == '\u00A0'
                || c == '\u2007' || c == '\u202F' || c == '\u200B';
    }

    /** {@code text.split("\\R", -1)}: lines split at any line break, trailing empty lines kept. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    /**
     * Whether the line ends with one of {@code characters}, as the regex {@code [characters]$} finds it:
     * at the very end or before one final line break.
     */
    static boolean endsWithOneOf(String line, String characters) {
        int end = line.length();
        if (end > 0) {
            char last = line.charAt(end - 1);
            if (last == '\n' && end > 1 && line.charAt(end - 2) == '\r') {
                end -= 2;
            } else if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') {
                end--;
            }
        }
        return end > 0 && characters.indexOf(line.charAt(end - 1)) >= 0;
    }
}
