package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

class PinnedFiltersTests {

    @Test
    void pinsAPlainOrEqIdBesideOtherConditions() {
        assertThat(lookup(new Document("_id", "a").append("revision", new Document("$lt", 3))))
                .isEqualTo(new Document("_id", "a"));
        assertThat(lookup(new Document("revision", 3).append("_id", new Document("$eq", 7L))))
                .isEqualTo(new Document("_id", 7L));
        assertThat(lookup(new Document("_id", new Document("$eq", "a")))).isEqualTo(new Document("_id", "a"));
    }

    @Test
    void pinsAnIdInsideATopLevelAndAtAnyDepth() {
        Document guard = new Document("$and", List.of(new Document("_id", "a"),
                new Document("$or", List.of(new Document("revision", new Document("$lt", 2)),
                        new Document("revision", new Document("$exists", false))))));
        Document nested = new Document("title", "t").append("$and", List.of(new Document("$and",
                List.of(new Document("x", 1), new Document("_id", new Document("$in", List.of("a", "b")))))));

        assertThat(lookup(guard)).isEqualTo(new Document("_id", "a"));
        assertThat(lookup(nested)).isEqualTo(new Document("_id", new Document("$in", List.of("a", "b"))));
    }

    @Test
    void doesNotPinAnIdUnderOrNorNotOrARangeOrANonEqualityValue() {
        assertThat(lookup(new Document("$or", List.of(new Document("_id", "a"), new Document("_id", "b"))))).isNull();
        assertThat(lookup(new Document("$nor", List.of(new Document("_id", "a"))))).isNull();
        assertThat(lookup(new Document("_id", new Document("$not", new Document("$eq", "a"))))).isNull();
        assertThat(lookup(new Document("_id", new Document("$gte", "a")).append("x", 1))).isNull();
        assertThat(lookup(new Document("_id", new Document("$ne", "a")).append("x", 1))).isNull();
        assertThat(lookup(new Document("_id", new Document("$eq", "a").append("$ne", "b")))).isNull();
        assertThat(lookup(new Document("_id", Pattern.compile("^a")).append("x", 1))).isNull();
        assertThat(lookup(new Document("_id", new Document("$eq", Pattern.compile("^a"))))).isNull();
        assertThat(lookup(new Document("_id", null).append("x", 1))).isNull();
        assertThat(lookup(new Document("_id", new Document("k", 1)).append("x", 1))).isNull();
        assertThat(lookup(new Document("_id", new Document("$in", List.of())).append("x", 1))).isNull();
        assertThat(lookup(new Document("_id", new Document("$in", List.of("a", List.of("b")))))).isNull();
        assertThat(lookup(new Document("title", "t"))).isNull();
        assertThat(PinnedFilters.idLookup(new Document("_id", "a"), null)).isNull();
    }

    private static Document lookup(Document filter) {
        return PinnedFilters.idLookup(filter, "_id");
    }

    @Test
    void pinsAFieldToStringsOnlyByEqualityEqOrInAtTheTopOrUnderAnd() {
        assertThat(PinnedFilters.pinnedStrings(new Document("entityIds", "loc:hcm"), "entityIds"))
                .containsExactly("loc:hcm");
        assertThat(PinnedFilters.pinnedStrings(new Document("$and", List.of(
                new Document("entityIds", new Document("$in", List.of("a", "b"))),
                new Document("seenAt", new Document("$gte", 1)))), "entityIds")).containsExactly("a", "b");
        assertThat(PinnedFilters.pinnedStrings(new Document("x", new Document("$eq", "v")), "x")).containsExactly("v");

        assertThat(PinnedFilters.pinnedStrings(new Document("x", 1), "x")).isNull();
        assertThat(PinnedFilters.pinnedStrings(new Document("x", new Document("$in", List.of("a", 1))), "x")).isNull();
        assertThat(PinnedFilters.pinnedStrings(new Document("x", new Document("$ne", "a")), "x")).isNull();
        assertThat(PinnedFilters.pinnedStrings(new Document("x", new Document("$eq", "a").append("$ne", "b")), "x"))
                .isNull();
        assertThat(PinnedFilters.pinnedStrings(new Document("$or", List.of(new Document("x", "a"))), "x")).isNull();
        assertThat(PinnedFilters.pinnedStrings(new Document("y", "a"), "x")).isNull();
    }
}
