package io.newsflow.enrich.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.newsflow.contract.text.VietnameseText;

/**
 * Reads the data files under {@code src/main/resources}: UTF-8 lines, {@code #} comments, blank
 * lines ignored, optional {@code [section]} headers. Every capability keeps its knowledge in such
 * files so that it can be reviewed and extended without touching code.
 */
public final class ResourceLines {

    /** Section headers are lower-case words, so CSS selectors such as "[role=navigation]" stay data. */
    private static final Pattern SECTION_HEADER = Pattern.compile("\\[[a-z][a-z-]*\\]");

    private ResourceLines() {
    }

    /** The non-comment lines of a classpath resource, NFC-normalised and trimmed. */
    public static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        for (String raw : readAll(resource)) {
            String line = stripComment(raw);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The lines of a resource grouped by {@code [section]}; lines before the first header are dropped. */
    public static Map<String, List<String>> sections(String resource) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(resource)) {
            if (SECTION_HEADER.matcher(line).matches()) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), name -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    private static String stripComment(String raw) {
        String line = VietnameseText.nfc(raw).strip();
        // '#' only starts a comment at the start of a line or after a space, so "C#" survives
        if (line.startsWith("#")) {
            return "";
        }
        int comment = line.indexOf(" #");
        return (comment >= 0 ? line.substring(0, comment) : line).strip();
    }

    private static List<String> readAll(String resource) {
        ClassLoader loader = ResourceLines.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file on the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + resource, e);
        }
    }
}
