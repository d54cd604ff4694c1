package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.enrich.InMemoryMongo;
import io.newsflow.enrich.Seeds;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableTestBinder
@Import(InMemoryMongo.class)
class EnrichArticleFunctionTests {

    private static final long WAIT_MS = 5_000;

    @Autowired
    private InputDestination input;

    @Autowired
    private OutputDestination output;

    @Autowired
    private EnrichArticleFunction enrichArticle;

    @Autowired
    private MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void forgetMessagesOfOtherTests() {
        output.clear();
    }

    @Test
    void enrichesARawPageKeyedByItsComputedIdAndPublishesTheEnrichedStatus() {
        RawArticle raw = Seeds.raw(Seeds.CITY_VISIT);
        String id = ArticleIds.of(raw);

        input.send(MessageBuilder.withPayload(json.writeValueAsBytes(raw))
                .setHeader(KafkaHeaders.RECEIVED_TIMESTAMP, 1_653_559_320_000L).build(), Topics.RAW);

        Message<byte[]> enrichedMessage = output.receive(WAIT_MS, Topics.ENRICHED);
        assertThat(enrichedMessage).isNotNull();
        assertThat(new String((byte[]) enrichedMessage.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8))
                .isEqualTo(id);
        EnrichedArticle enriched = json.readValue(enrichedMessage.getPayload(), EnrichedArticle.class);
        assertThat(enriched.id()).isEqualTo(id);
        assertThat(enriched.revision()).isEqualTo(1_653_559_320_000L);
        assertThat(enriched.title()).isEqualTo("Thành phố Hồ Chí Minh và Thủ đô Vientiane (Lào) tăng cường hợp tác");
        assertThat(enriched.publishedAt()).isEqualTo("2022-05-26T17:02:00+07:00");
        assertThat(enriched.receivedAt()).isEqualTo(raw.receivedAt());
        assertThat(enriched.enrichedAt()).isNotNull();

        Message<byte[]> statusMessage = output.receive(WAIT_MS, Topics.STATUS);
        assertThat(statusMessage).isNotNull();
        ArticleStatus status = json.readValue(statusMessage.getPayload(), ArticleStatus.class);
        assertThat(status.id()).isEqualTo(id);
        assertThat(status.state()).isEqualTo(ArticleStatus.State.ENRICHED);
        assertThat(status.revision()).isEqualTo(1_653_559_320_000L);
        assertThat(meters.counter("newsflow.enrich.articles", "outcome", "enriched").count()).isPositive();
    }

    @Test
    void keepsThePartnersIdAndRevision() {
        RawArticle raw = new RawArticle(1, "partner-id-1", 7, null, "baomau.vn", null, null, "Tiêu đề bài viết mẫu",
                "Sáng nay, thành phố khánh thành cây cầu mới bắc qua sông lớn nhất vùng.", null, null, null, null, null);

        Message<EnrichedArticle> enriched = enrichArticle.apply(MessageBuilder.withPayload(raw).build());

        assertThat(enriched.getPayload().id()).isEqualTo("partner-id-1");
        assertThat(enriched.getPayload().revision()).isEqualTo(7);
    }

    @Test
    void rejectsAnArticleWithoutContentAsInvalid() {
        RawArticle empty = new RawArticle(1, "x", 1, null, null, null, null, "Tiêu đề", null, null, " ", null, null, null);

        assertThatThrownBy(() -> enrichArticle.apply(MessageBuilder.withPayload(empty).build()))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessage("invalid-article: no body, html or text");
    }

    @Test
    void rejectsAnUnknownSchemaVersionAsInvalid() {
        RawArticle future = new RawArticle(9, "x", 1, null, null, null, null, "Tiêu đề", "Nội dung bài viết đầy đủ.",
                null, null, null, null, null);

        assertThatThrownBy(() -> enrichArticle.apply(MessageBuilder.withPayload(future).build()))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessage("unsupported-schema-version: 9");
    }
}
