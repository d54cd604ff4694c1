package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

class StringPostingsTests {

    @Test
    void followsArraysAndEmbeddedDocumentsButNotArrayPositionsOrOperators() {
        StringPostings nested = StringPostings.forPath("entities.id");
        Document document = new Document("entities", List.of(new Document("id", "a"),
                new Document("id", List.of("b", 3)), new Document("name", "c"), "d"));

        assertThat(nested.valuesOf(document)).containsExactly("a", "b");
        assertThat(StringPostings.forPath("entities.0.id")).isNull();
        assertThat(StringPostings.forPath("$where")).isNull();
        assertThat(StringPostings.forPath("a..b")).isNull();
    }

    @Test
    void forgetsWhatADocumentNoLongerHolds() {
        StringPostings postings = StringPostings.forPath("entityIds");
        postings.add("a1", new Document("entityIds", List.of("x", "y")));
        postings.add("a2", new Document("entityIds", "x"));

        postings.remove("a1", new Document("entityIds", List.of("x", "y")));
        postings.add("a1", new Document("entityIds", List.of("y", "z")));

        assertThat(postings.positions(List.of("x"))).containsExactly("a2");
        assertThat(postings.positions(List.of("z", "y", "x"))).containsExactlyInAnyOrder("a1", "a2");
        postings.remove("a2", new Document("entityIds", "x"));
        assertThat(postings.positions(List.of("x"))).isEmpty();
    }
}
