package io.newsflow.stack;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds, in a query filter, a condition that pins one field to one value or to a short {@code $in} list, so
 * that the store can fetch the candidates by an index and apply the full filter to them only.
 * mongo-java-server 1.47 uses an index only when the filter's keys are exactly the index's keys, so
 * {@code {_id: X, revision: {$lt: N}}} or {@code {$and: [{_id: X}, ...]}} would scan the whole collection,
 * where MongoDB itself uses the {@code _id} index.
 * <p>
 * Narrowing is sound because every document matching the whole filter also matches the pinning
 * conjunct: a pin is taken only from the top level or from a top-level {@code $and} (nested {@code $and}s
 * included), never from {@code $or}, {@code $nor} or {@code $not}, and only as a plain equality,
 * {@code $eq} or {@code $in}.
 */
final class PinnedFilters {

    private static final String AND = "$and";
    private static final String EQ = "$eq";
    private static final String IN = "$in";
    private static final int MAX_AND_DEPTH = 8;

    private PinnedFilters() {
    }

    /**
     * The id-only filter ({@code {_id: value}} or {@code {_id: {$in: [...]}}}) whose matches include every
     * match of {@code filter}, or null when the filter does not pin the id. Only values that the id index
     * compares by equality are taken: not documents (an embedded id or an operator), arrays, regular
     * expressions or null.
     */
    static Document idLookup(Document filter, String idField) {
        if (filter == null || idField == null) {
            return null;
        }
        Object lookup = firstPin(filter, idField, PinnedFilters::idCondition, 0);
        return lookup == null ? null : new Document(idField, lookup);
    }

    /**
     * The strings one of which {@code path} must hold (as its value or an element of an array on the path)
     * in every document matching {@code filter}, or null when the filter does not pin the path to strings.
     */
    static Set<String> pinnedStrings(Document filter, String path) {
        if (filter == null || path == null) {
            return null;
        }
        return firstPin(filter, path, PinnedFilters::stringCondition, 0);
    }

    private static <T> T firstPin(Map<String, Object> conjunction, String field, Function<Object, T> condition,
            int depth) {
        if (conjunction.containsKey(field)) {
            T pin = condition.apply(conjunction.get(field));
            if (pin != null) {
                return pin;
            }
        }
        // Nested $and inside $and is legal and keeps the conjunction; the depth bound only guards a
        // pathological filter.
        if (depth < MAX_AND_DEPTH && conjunction.get(AND) instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    T pin = firstPin((Map<String, Object>) map, field, condition, depth + 1);
                    if (pin != null) {
                        return pin;
                    }
                }
            }
        }
        return null;
    }

    /** The value to look up for one {@code _id} condition, or null when it is not a plain equality / $in. */
    private static Object idCondition(Object condition) {
        if (condition instanceof Map<?, ?> operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.containsKey(EQ)) {
                Object value = operators.get(EQ);
                return isPlain(value) ? value : null;
            }
            if (operators.get(IN) instanceof Collection<?> values && !values.isEmpty()
                    && values.stream().allMatch(PinnedFilters::isPlain)) {
                return new Document(IN, values);
            }
            return null;
        }
        return isPlain(condition) ? condition : null;
    }

    private static Set<String> stringCondition(Object condition) {
        if (condition instanceof String value) {
            return Set.of(value);
        }
        if (condition instanceof Map<?, ?> operators && operators.size() == 1) {
            if (operators.get(EQ) instanceof String value) {
                return Set.of(value);
            }
            if (operators.get(IN) instanceof Collection<?> values && !values.isEmpty()
                    && values.stream().allMatch(String.class::isInstance)) {
                Set<String> strings = new LinkedHashSet<>();
                values.forEach(value -> strings.add((String) value));
                return strings;
            }
        }
        return null;
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof Collection)
                && !value.getClass().isArray() && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
