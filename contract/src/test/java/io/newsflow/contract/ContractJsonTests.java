package io.newsflow.contract;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the wire format: the fixtures are what partners and consumers see on the topics. */
class ContractJsonTests {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void readsRawArticleFixture() throws IOException {
        RawArticle article = json.readValue(fixture("raw-article.v1.json"), RawArticle.class);

        assertThat(article.schemaVersion()).isEqualTo(RawArticle.SCHEMA_VERSION);
        assertThat(article.id()).isEqualTo("0f3c2a9d41b7e655");
        assertThat(article.headline()).isEqualTo("Cảng Cái Mép mở tuyến container mới đi châu Âu");
        assertThat(article.publishedAt()).isEqualTo("2024-06-03T08:15:00+07:00");
        assertThat(article.hasContent()).isTrue();
    }

    @Test
    void writesRawArticleWithTheFixtureFieldNames() throws IOException {
        RawArticle article = json.readValue(fixture("raw-article.v1.json"), RawArticle.class);
        JsonNode written = json.readTree(json.writeValueAsString(article));
        JsonNode expected = json.readTree(fixture("raw-article.v1.json"));

        expected.propertyNames().forEach(name -> assertThat(written.get(name)).as(name).isEqualTo(expected.get(name)));
    }

    @Test
    void roundTripsEnrichedArticleFixture() throws IOException {
        EnrichedArticle article = json.readValue(fixture("enriched-article.v1.json"), EnrichedArticle.class);

        assertThat(article.entities()).singleElement().satisfies(entity -> {
            assertThat(entity.type()).isEqualTo(EnrichedArticle.EntityType.PERSON);
            assertThat(entity.id()).isEqualTo("per:tran-minh-duc");
        });
        assertThat(article.body()).hasSize(2);
        assertThat(json.readTree(json.writeValueAsString(article))).isEqualTo(json.readTree(fixture("enriched-article.v1.json")));
    }

    @Test
    void readsStatusFixture() throws IOException {
        ArticleStatus status = json.readValue(fixture("article-status.v1.json"), ArticleStatus.class);

        assertThat(status.state()).isEqualTo(ArticleStatus.State.REJECTED);
        assertThat(status.state().label()).isEqualTo("rejected");
        assertThat(status.reason()).startsWith("invalid-article");
    }

    @Test
    void rawArticleWithoutBodyHtmlOrTextHasNoContent() {
        RawArticle empty = new RawArticle(1, null, 0, null, "x", null, null, "Tiêu đề", " ", null, "", null, null, null);

        assertThat(empty.hasContent()).isFalse();
    }

    private InputStream fixture(String name) {
        return getClass().getResourceAsStream("/fixtures/" + name);
    }
}
