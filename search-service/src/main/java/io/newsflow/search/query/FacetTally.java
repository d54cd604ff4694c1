package io.newsflow.search.query;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facet counts of a search, per dimension: the top labels, kept deeper than a result shows, and
 * the most any other label can count. That is what it takes to add the counts of articles that
 * arrived since (see {@link SearchResultCache}) and still know the shown top exactly: a label
 * outside the kept ones may have gained, but never past that bound plus its gain.
 */
final class FacetTally {

    /** Labels a result shows per dimension. */
    static final int SHOWN = 10;
    /** Labels kept per dimension: the margin lets new counts reorder the shown top without recomputing. */
    static final int KEPT = 30;
    /** As Lucene orders labels: by count, ties by label (the order of their ordinals). */
    private static final Comparator<LabelAndValue> ORDER = Comparator
            .comparingInt((LabelAndValue label) -> -label.value.intValue())
            .thenComparing(label -> new BytesRef(label.label));

    private final Map<String, Dimension> dimensions;

    /**
     * @param top          labels by {@link #ORDER}, each with its exact count
     * @param othersAtMost the highest count any label not in {@code top} may have
     */
    private record Dimension(List<LabelAndValue> top, int othersAtMost) {
    }

    private FacetTally(Map<String, Dimension> dimensions) {
        this.dimensions = dimensions;
    }

    static FacetTally none() {
        return new FacetTally(Map.of());
    }

    /** The top {@value #KEPT} labels of each dimension. */
    static FacetTally top(Facets counts, List<String> dims) throws IOException {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        for (String dim : dims) {
            LabelAndValue[] top = labels(() -> counts.getTopChildren(KEPT, dim));
            // fewer than asked: every label that counts is there
            dimensions.put(dim, new Dimension(List.of(top), top.length < KEPT ? 0 : top[top.length - 1].value.intValue()));
        }
        return new FacetTally(dimensions);
    }

    /** Every label of each dimension: for a handful of documents. */
    static FacetTally all(Facets counts, List<String> dims) throws IOException {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        for (String dim : dims) {
            LabelAndValue[] all = labels(() -> counts.getAllChildren(dim));
            Arrays.sort(all, ORDER);
            dimensions.put(dim, new Dimension(List.of(all), 0));
        }
        return new FacetTally(dimensions);
    }

    private interface Lookup {
        FacetResult get() throws IOException;
    }

    private static LabelAndValue[] labels(Lookup lookup) throws IOException {
        FacetResult result;
        try {
            result = lookup.get();
        } catch (IllegalArgumentException notIndexedYet) {
            return new LabelAndValue[0];
        }
        return result == null ? new LabelAndValue[0] : result.labelValues;
    }

    /** The labels a result shows for {@code dim}. */
    List<LabelAndValue> shown(String dim) {
        Dimension dimension = dimensions.get(dim);
        return dimension == null ? List.of() : dimension.top.subList(0, Math.min(SHOWN, dimension.top.size()));
    }

    /**
     * These counts with {@code added} (exact counts of other documents) added; null when the shown top
     * of some dimension can no longer be told: a label outside the kept ones gained and might now
     * reach it.
     */
    FacetTally plus(FacetTally added) {
        if (!dimensions.keySet().equals(added.dimensions.keySet())) {
            return null;
        }
        Map<String, Dimension> sums = new LinkedHashMap<>();
        for (Map.Entry<String, Dimension> entry : dimensions.entrySet()) {
            Dimension sum = plus(entry.getValue(), added.dimensions.get(entry.getKey()));
            if (sum == null) {
                return null;
            }
            sums.put(entry.getKey(), sum);
        }
        return new FacetTally(sums);
    }

    private static Dimension plus(Dimension counted, Dimension added) {
        Map<String, Integer> exact = new HashMap<>();
        counted.top.forEach(label -> exact.put(label.label, label.value.intValue()));
        int othersAtMost = counted.othersAtMost;
        for (LabelAndValue label : added.top) {
            int gain = label.value.intValue();
            Integer before = exact.get(label.label);
            if (before != null) {
                exact.put(label.label, before + gain);
            } else if (counted.othersAtMost == 0) {
                // every label that counted was kept: this one had none
                exact.put(label.label, gain);
            } else {
                // counted somewhere between 0 and the bound before
                othersAtMost = Math.max(othersAtMost, counted.othersAtMost + gain);
            }
        }
        List<LabelAndValue> sorted = new ArrayList<>();
        for (Map.Entry<String, Integer> label : exact.entrySet()) {
            sorted.add(new LabelAndValue(label.getKey(), label.getValue()));
        }
        sorted.sort(ORDER);
        if (othersAtMost > 0) {
            // the shown top is known only if no other label can reach (or tie) its last count
            if (sorted.size() < SHOWN || sorted.get(SHOWN - 1).value.intValue() <= othersAtMost) {
                return null;
            }
        }
        if (sorted.size() > KEPT) {
            othersAtMost = Math.max(othersAtMost, sorted.get(KEPT).value.intValue());
            sorted = sorted.subList(0, KEPT);
        }
        return new Dimension(List.copyOf(sorted), othersAtMost);
    }
}
