package io.newsflow.enrich.extraction;

import io.newsflow.contract.text.VietnameseText;

/**
 * {@link VietnameseText#collapseWhitespace} without its regex pass for the common case: most lines of
 * a page are already single-spaced and trimmed, and are returned as they are after one scan.
 */
final class Whitespace {

    private Whitespace() {
    }

    static String collapse(String text) {
        int length = text.length();
        if (length == 0) {
            return text;
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1))) {
            return VietnameseText.collapseWhitespace(text);
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // the characters the shared rule collapses, and spaces in a row
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == '\u00A0' || c == '\u2007'
                    || c == '\u202F' || c == '\u200B' || (c == ' ' && previous == ' ')) {
                return VietnameseText.collapseWhitespace(text);
            }
            previous = c;
        }
        return text;
    }
}
