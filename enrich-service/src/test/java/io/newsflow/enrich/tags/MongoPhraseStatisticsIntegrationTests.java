package io.newsflow.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.enrich.extraction.ExtractedArticle;

/** Phrase statistics over the MongoDB wire protocol (mongo-java-server in memory, the real reactive driver). */
class MongoPhraseStatisticsIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("newsflow");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void countsArticlesAndPhrasesWithIncrementsAndReadsThemBackInOneQuery() {
        PhraseStatistics statistics = new MongoPhraseStatistics(database, TIMEOUT);

        statistics.record(List.of("lam viec", "cang bien"));
        statistics.record(List.of("lam viec", "lam viec", "hop tac"));

        PhraseStatistics.Frequencies frequencies = statistics.frequencies(List.of("lam viec", "cang bien", "chua gap"));
        assertThat(frequencies.articles()).isEqualTo(2);
        // a phrase counts once per article however often the article lists it; unseen phrases are absent
        assertThat(frequencies.documentFrequencies()).isEqualTo(Map.of("lam viec", 2L, "cang bien", 1L));
        assertThat(frequencies.inverseDocumentFrequency("chua gap"))
                .isGreaterThan(frequencies.inverseDocumentFrequency("cang bien"))
                .isGreaterThan(frequencies.inverseDocumentFrequency("lam viec"));
        assertThat(frequencies.inverseDocumentFrequency("lam viec")).isEqualTo(1.0);
    }

    @Test
    void sharesCountsBetweenInstancesAndKeepsThemAcrossRestarts() {
        PhraseStatistics first = new MongoPhraseStatistics(database, TIMEOUT);
        PhraseStatistics second = new MongoPhraseStatistics(database, TIMEOUT);
        IntStream.range(0, 20).parallel().forEach(i -> (i % 2 == 0 ? first : second).record(List.of("thoi gian")));

        // a new instance with a new client, as after a restart, sees everything the others counted
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient restarted = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            PhraseStatistics.Frequencies frequencies = new MongoPhraseStatistics(restarted.getDatabase("newsflow"), TIMEOUT)
                    .frequencies(List.of("thoi gian"));
            assertThat(frequencies.articles()).isEqualTo(20);
            assertThat(frequencies.documentFrequencies()).containsEntry("thoi gian", 20L);
        }
    }

    @Test
    void generalPhrasesFallBelowSpecificOnesAsTheCorpusGrows() {
        Tagger tagger = Tagger.withDefaults(new MongoPhraseStatistics(database, TIMEOUT));
        ExtractedArticle bridge = article("Tỉnh khánh thành cây cầu dây văng mới qua sông",
                "Trong thời gian làm việc tại công trường, đoàn kiểm tra cầu dây văng và nghe báo cáo công tác thi công.",
                "Cầu dây văng dài hai cây số, thời gian thi công kéo dài ba năm, công tác nghiệm thu đã xong.",
                "Lãnh đạo tỉnh làm việc với nhà thầu về thời gian bàn giao cầu dây văng và công tác bảo trì.");
        Tagger.Tagging first = tagger.tag(bridge, List.of(), 10);
        // with an empty corpus the article's own scores stand: the general phrases come right after the bridge
        assertThat(labels(first)).startsWith("cầu dây văng", "thời gian").contains("làm việc", "công tác");

        for (int i = 0; i < 12; i++) {
            Tagger.Tagging other = tagger.tag(article("Hội nghị bàn về kế hoạch năm " + (2000 + i),
                    "Trong thời gian làm việc, hội nghị nghe báo cáo công tác của các sở và ngành số " + i + ".",
                    "Thời gian tới, công tác chuẩn bị cần làm việc khẩn trương hơn theo kế hoạch chung.",
                    "Các đại biểu làm việc cả ngày để rà soát công tác và thời gian thực hiện kế hoạch."), List.of(), 10);
            tagger.remember(other);
        }

        Tagger.Tagging later = tagger.tag(bridge, List.of(), 10);
        List<String> after = labels(later);
        // the phrases only this article has now outrank every phrase the whole corpus shares
        assertThat(after).as("tags after the corpus grew").startsWith("cầu dây văng", "thi công");
        for (String general : List.of("thời gian", "làm việc", "công tác")) {
            assertThat(score(later, general)).as(general + " in " + later.tags()).isLessThan(score(first, general) * 0.75);
        }
    }

    /** The relative score of a tag (the best tag scores 1), 0 when the phrase is not among the tags. */
    private static double score(Tagger.Tagging tagging, String label) {
        return tagging.tags().stream().filter(tag -> tag.label().equals(label)).mapToDouble(EnrichedArticle.Tag::score)
                .findFirst().orElse(0);
    }

    private static ExtractedArticle article(String title, String... paragraphs) {
        return new ExtractedArticle(title, null, List.of(paragraphs), null, null, null, "vi", List.of());
    }

    private static List<String> labels(Tagger.Tagging tagging) {
        return tagging.tags().stream().map(EnrichedArticle.Tag::label).toList();
    }
}
