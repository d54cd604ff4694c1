package io.newsflow.search.query;

import io.newsflow.search.config.SearchProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SearchRequestParserTests {

    private final SearchRequestParser parser = new SearchRequestParser(new SearchProperties("/tmp/unused", 10, 50, 500,
            Duration.ofSeconds(5), Duration.ofSeconds(10), "Asia/Ho_Chi_Minh", 16, 0, true));

    @Test
    void rejectsAQueryLongerThanTheCap() {
        SearchRequestParser.Result result = parser.parse(Map.of("q", List.of("a".repeat(501))));
        assertThat(result.errors()).containsKey("q");
    }

    @Test
    void capsTheLimitInsteadOfFailing() {
        assertThat(parser.parse(Map.of("q", List.of("x"), "limit", List.of("1000"))).request().limit()).isEqualTo(50);
    }

    @Test
    void collectsEveryFieldError() {
        SearchRequestParser.Result result = parser.parse(Map.of("limit", List.of("ten"), "sort", List.of("best"),
                "from", List.of("yesterday"), "cursor", List.of("%%%")));
        assertThat(result.errors()).containsOnlyKeys("limit", "sort", "from", "cursor");
    }

    @Test
    void readsADateAsAWholeDayInTheNewsroomZone() {
        SearchRequest request = parser.parse(Map.of("from", List.of("2024-06-03"), "to", List.of("2024-06-03"))).request();
        assertThat(request.from()).isEqualTo(OffsetDateTime.parse("2024-06-03T00:00:00+07:00").toInstant().toEpochMilli());
        assertThat(request.to()).isEqualTo(OffsetDateTime.parse("2024-06-04T00:00:00+07:00").toInstant().toEpochMilli());
    }

    @Test
    void sortsNewestFirstWhenThereIsNoText() {
        assertThat(parser.parse(Map.of("entity", List.of("loc:ha-noi"))).request().newest()).isTrue();
        assertThat(parser.parse(Map.of("q", List.of("ha noi"))).request().newest()).isFalse();
    }

    @Test
    void cursorSurvivesTheRoundTrip() {
        SearchRequest.Cursor cursor = new SearchRequest.Cursor(1.25f, 1717400000000L, "a000000000000001");
        assertThat(SearchRequestParser.decodeCursor(SearchRequestParser.encodeCursor(cursor))).isEqualTo(cursor);
    }
}
