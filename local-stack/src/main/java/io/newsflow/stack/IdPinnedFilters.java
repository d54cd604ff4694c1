package io.newsflow.stack;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds, in a query filter, a condition that pins the id field to one value (or to a short {@code $in}
 * list), so that the store can look the candidates up by its unique id index and apply the full filter to
 * them only. mongo-java-server 1.47 uses an index only when the filter's keys are exactly the index's keys,
 * so {@code {_id: X, revision: {$lt: N}}} or {@code {$and: [{_id: X}, ...]}} would scan the whole
 * collection, where MongoDB itself uses the {@code _id} index.
 * <p>
 * Narrowing is sound because every document matching the whole filter also matches the pinning
 * conjunct: the pin is taken only from the top level or from a top-level {@code $and}, never from
 * {@code $or}, {@code $nor} or {@code $not}. Only plain values that the id index compares by equality are
 * taken: not documents (an embedded id or an operator), arrays, regular expressions or null.
 */
final class IdPinnedFilters {

    private static final String AND = "$and";
    private static final String EQ = "$eq";
    private static final String IN = "$in";

    private IdPinnedFilters() {
    }

    /**
     * The id-only filter ({@code {_id: value}} or {@code {_id: {$in: [...]}}}) whose matches include every
     * match of {@code filter}, or null when the filter does not pin the id.
     */
    static Document idLookup(Document filter, String idField) {
        if (filter == null || idField == null) {
            return null;
        }
        return pinIn(filter, idField, 0);
    }

    private static Document pinIn(Map<String, Object> conjunction, String idField, int depth) {
        if (conjunction.containsKey(idField)) {
            Object lookup = idCondition(conjunction.get(idField));
            if (lookup != null) {
                return new Document(idField, lookup);
            }
        }
        // Nested $and inside $and is legal and keeps the conjunction; the depth bound only guards a
        // pathological filter.
        if (depth < 8 && conjunction.get(AND) instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Document pinned = pinIn((Map<String, Object>) map, idField, depth + 1);
                    if (pinned != null) {
                        return pinned;
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
                    && values.stream().allMatch(IdPinnedFilters::isPlain)) {
                return new Document(IN, values);
            }
            return null;
        }
        return isPlain(condition) ? condition : null;
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof Collection)
                && !value.getClass().isArray() && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
