package io.newsflow.stack;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.bson.Document;

/**
 * For one field path, which documents (by position) hold which string: the in-memory stand-in for a
 * non-unique index, which mongo-java-server 1.47 accepts but does not build. Strings are taken from the
 * value at the path, from array elements on the way and at the end (multikey), so that every document a
 * filter {@code {path: "s"}} matches is among the postings of "s"; the full filter is applied afterwards.
 * Not thread-safe: the collection calls it under its own lock.
 */
final class StringPostings {

    private static final Pattern NUMERIC_SEGMENT = Pattern.compile("\\d+");

    private final String[] segments;
    private final Map<String, Set<Object>> positionsByValue = new HashMap<>();

    private StringPostings(String path) {
        this.segments = path.split("\\.");
    }

    /**
     * Postings for {@code path}, or null when its shape cannot be followed safely: an array position
     * ({@code a.0}) or an operator segment.
     */
    static StringPostings forPath(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty() || segment.startsWith("$") || NUMERIC_SEGMENT.matcher(segment).matches()) {
                return null;
            }
        }
        return new StringPostings(path);
    }

    void add(Object position, Document document) {
        for (String value : valuesOf(document)) {
            positionsByValue.computeIfAbsent(value, key -> new LinkedHashSet<>()).add(position);
        }
    }

    void remove(Object position, Document document) {
        for (String value : valuesOf(document)) {
            Set<Object> positions = positionsByValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
    }

    /** The positions of the documents holding any of {@code values}, each once. */
    Set<Object> positions(Collection<String> values) {
        Set<Object> positions = new LinkedHashSet<>();
        for (String value : values) {
            positions.addAll(positionsByValue.getOrDefault(value, Set.of()));
        }
        return positions;
    }

    Set<String> valuesOf(Document document) {
        Set<String> values = new LinkedHashSet<>();
        collect(document, 0, values);
        return values;
    }

    private void collect(Object node, int depth, Set<String> values) {
        if (node instanceof List<?> elements) {
            // An array anywhere on the path: MongoDB matches through its elements (multikey).
            for (Object element : elements) {
                collect(element, depth, values);
            }
        }
        else if (depth == segments.length) {
            if (node instanceof String value) {
                values.add(value);
            }
        }
        else if (node instanceof Map<?, ?> map) {
            collect(map.get(segments[depth]), depth + 1, values);
        }
    }
}
