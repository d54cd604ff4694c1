package io.newsflow.search.query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.search.SampleArticles;
import io.newsflow.search.index.ArticleFields;
import io.newsflow.search.index.ArticleIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SearchResultCacheTests {

    @TempDir
    Path directory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ArticleIndex index;
    private ArticleSearch search;

    @BeforeEach
    void indexOneArticle() throws IOException {
        index = new ArticleIndex(directory);
        search = new ArticleSearch(index, SearchResultCache.of(100, registry));
        index(SampleArticles.rain(1));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void answersARepeatedSearchFromTheCacheUntilTheIndexRefreshes() throws IOException {
        SearchResult first = search.search(query("ha noi"));
        SearchResult again = search.search(query("ha noi"));

        assertThat(again).isSameAs(first);
        assertThat(gets("hit")).isEqualTo(1);
        assertThat(gets("miss")).isEqualTo(1);
    }

    @Test
    void findsAnArticlePublishedAfterTheSameSearchWasCached() throws IOException {
        assertThat(search.search(query("ha noi")).total()).isEqualTo(1);

        EnrichedArticle later = SampleArticles.article("a00000000000000f", 1, "tinmau.vn", "vi",
                "Hà Nội mở thêm tuyến xe buýt điện", "Tuyến mới nối trung tâm với sân bay.", List.of("Giá vé không đổi."),
                "2024-06-05T07:00:00+07:00", List.of(SampleArticles.HA_NOI), List.of(), List.of(), List.of());
        index(later);

        SearchResult afterRefresh = search.search(query("ha noi"));
        assertThat(afterRefresh.total()).isEqualTo(2);
        assertThat(afterRefresh.items()).extracting(SearchResult.Item::id).contains("a00000000000000f");
        // added to the cached answer: the search ran among the new articles alone
        assertThat(refreshed("extended")).isEqualTo(1);
        assertThat(gets("miss")).isEqualTo(1);
    }

    /**
     * Whatever the search (words or filters, by relevance or newest first, a later page), the cached
     * answer with the new articles added is the answer computed afresh on the new reader: the same
     * total, facets and, newest first, page. Most facet labels here count a few articles each, so some additions
     * cannot be told exactly and recompute; the comparison holds either way.
     */
    @Test
    void anAnswerWithNewArticlesAddedIsTheAnswerComputedAfresh() throws IOException {
        Random random = new Random(7);
        List<EnrichedArticle> earlier = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            earlier.add(generated(i, random));
        }
        index(earlier.toArray(EnrichedArticle[]::new));
        SearchRequest newest = new SearchRequest("giao thong", List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                true, 5, null);
        SearchRequest.Cursor cursor = SearchRequestParser.decodeCursor(search.search(query("mua lon")).nextCursor());
        SearchRequest.Cursor newestCursor = SearchRequestParser.decodeCursor(search.search(newest).nextCursor());
        List<SearchRequest> requests = List.of(
                query("mua lon"),
                query("Hà Nội"),
                newest,
                new SearchRequest("giao thong", List.of(), List.of(), List.of(), List.of(), List.of(), null, null, true, 5, newestCursor),
                new SearchRequest(null, List.of(), List.of(), List.of(), List.of(), List.of("vi"), null, null, true, 10, null),
                new SearchRequest(null, List.of(SampleArticles.HA_NOI.id()), List.of(), List.of(), List.of(), List.of(), null, null,
                        true, 3, null),
                new SearchRequest("mua lon", List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, 10, cursor));
        for (SearchRequest request : requests) {
            search.search(request);
        }

        for (int batch = 0; batch < 4; batch++) {
            List<EnrichedArticle> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                later.add(generated(100 + batch * 3 + i, random));
            }
            index(later.toArray(EnrichedArticle[]::new));
            ArticleSearch afresh = new ArticleSearch(index);
            for (SearchRequest request : requests) {
                SearchResult cached = search.search(request);
                SearchResult computed = afresh.search(request);
                assertThat(cached.total()).as("total of %s", request).isEqualTo(computed.total());
                assertThat(cached.facets()).as("facets of %s", request).isEqualTo(computed.facets());
                if (request.newest()) {
                    assertThat(cached.items()).extracting(SearchResult.Item::id).as("page of %s", request)
                            .containsExactlyElementsOf(computed.items().stream().map(SearchResult.Item::id).toList());
                    assertThat(cached.nextCursor()).as("next page of %s", request).isEqualTo(computed.nextCursor());
                } else {
                    // the older hits keep the scores of the reader they were computed on, which three
                    // new articles in sixty shift enough to swap neighbours: ordered by those scores,
                    // and all matches of the new reader
                    assertThat(cached.items()).extracting(SearchResult.Item::score).as("page of %s", request)
                            .isSortedAccordingTo(java.util.Comparator.reverseOrder());
                    SearchRequest all = new SearchRequest(request.query(), List.of(), List.of(), List.of(), List.of(), List.of(),
                            null, null, false, 100, null);
                    assertThat(afresh.search(all).items()).extracting(SearchResult.Item::id)
                            .containsAll(cached.items().stream().map(SearchResult.Item::id).toList());
                    assertThat(cached.items()).hasSameSizeAs(computed.items());
                }
            }
        }
        assertThat(refreshed("extended")).isGreaterThan(5);
    }

    private static final String[] WORDS = {"mưa lớn", "giao thông", "hợp tác", "du lịch", "kinh tế", "ngập", "đường phố",
            "hội nghị", "nông sản", "bóng đá", "giá vàng", "bệnh viện"};
    private static final EnrichedArticle.Entity[] ENTITIES = {SampleArticles.HA_NOI, SampleArticles.DA_NANG,
            SampleArticles.HO_CHI_MINH_CITY, SampleArticles.NGUYEN_VAN_NEN, SampleArticles.VIENTIANE};

    /** An article of a few drawn words, entities and tags; a few tags are common, most rare. */
    private static EnrichedArticle generated(int number, Random random) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        List<EnrichedArticle.Entity> entities = new ArrayList<>();
        for (EnrichedArticle.Entity entity : ENTITIES) {
            if (random.nextInt(3) == 0) {
                entities.add(entity);
            }
        }
        List<EnrichedArticle.Tag> tags = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            // skewed: tag 0 in about one article of three, tag 40 in hardly any
            int tag = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 40);
            tags.add(new EnrichedArticle.Tag("chủ đề " + tag, 0.5));
        }
        return SampleArticles.article(String.format("g%015d", number), 1, "nguon" + random.nextInt(3) + ".vn", "vi",
                String.join(" ", words.subList(0, 3)), String.join(" ", words.subList(3, 5)), List.of(String.join(" ", words.subList(5, 8))),
                String.format("2024-06-%02dT%02d:00:00+07:00", 1 + number % 28, number % 24), entities, tags,
                List.of(number % 2 == 0 ? SampleArticles.POLITICS : SampleArticles.WEATHER), List.of());
    }

    @Test
    void keepsAnAnswerOverARefreshThatAddedNothingItMatches() throws IOException {
        SearchResult first = search.search(query("ha noi"));

        index(SampleArticles.cooperation(1));
        SearchResult afterRefresh = search.search(query("ha noi"));
        SearchResult again = search.search(query("ha noi"));

        assertThat(search.search(query("vientiane")).total()).isEqualTo(1);
        assertThat(afterRefresh).isSameAs(first);
        assertThat(again).isSameAs(first);
        assertThat(refreshed("kept")).isEqualTo(1);
        // the search of the new article and the first one computed; the three others did not
        assertThat(gets("miss")).isEqualTo(2);
        assertThat(gets("hit")).isEqualTo(2);
    }

    @Test
    void recomputesWhenAnArticleItFoundChanges() throws IOException {
        // one segment of three articles, the flooding one among them
        index(SampleArticles.visit(1), SampleArticles.rain(2), SampleArticles.river(1));
        assertThat(search.search(query("ngap")).total()).isEqualTo(1);

        // the new revision no longer mentions flooding: its old document is deleted from that segment,
        // which stays, and the new one does not match
        index(SampleArticles.article("a000000000000002", 3, "tinmau.vn", "vi", "Mưa lớn ở Hà Nội",
                "Trời mưa to cả buổi chiều.", List.of("Cơ quan khí tượng cho biết mưa sẽ kéo dài đến đêm."),
                "2024-06-04T07:00:00+07:00", List.of(SampleArticles.HA_NOI), List.of(), List.of(), List.of()));

        assertThat(search.search(query("ngap")).total()).isZero();
        assertThat(refreshed("kept")).isZero();
        assertThat(refreshed("lost-match")).isEqualTo(1);
    }

    @Test
    void keepsDifferentPagesAndFiltersApart() throws IOException {
        SearchResult vietnamese = search.search(new SearchRequest("ha noi", List.of(), List.of(), List.of(), List.of(),
                List.of("vi"), null, null, false, 10, null));
        SearchResult english = search.search(new SearchRequest("ha noi", List.of(), List.of(), List.of(), List.of(),
                List.of("en"), null, null, false, 10, null));

        assertThat(vietnamese.total()).isEqualTo(1);
        assertThat(english.total()).isZero();
        assertThat(gets("hit")).isZero();
    }

    /**
     * The rule for keeping an answer, on segments laid out by hand (merged only when asked): an answer
     * is kept while the search matches the same documents, wherever merges move them.
     */
    @Test
    void keepsAnAnswerThroughNewSegmentsMergesAndDeletionsOfOtherDocuments() throws IOException {
        try (HandLaidIndex laid = new HandLaidIndex()) {
            laid.add("a", true);
            laid.add("b", false);
            assertThat(laid.search()).isEqualTo(1);

            laid.add("c", false);
            assertThat(laid.search()).as("a new segment without a match").isEqualTo(1);
            laid.delete("b");
            assertThat(laid.search()).as("a deletion of a document it did not match").isEqualTo(1);
            laid.mergeAll();
            assertThat(laid.search()).as("its match merged with the others").isEqualTo(1);

            assertThat(laid.computed).isEqualTo(1);
            assertThat(laid.refreshed("kept")).isEqualTo(3);
        }
    }

    @Test
    void recomputesWhenADocumentWrittenSinceMatches() throws IOException {
        try (HandLaidIndex laid = new HandLaidIndex()) {
            laid.add("a", true);
            laid.add("b", false);
            laid.search();

            laid.add("c", true);
            assertThat(laid.search()).isEqualTo(2);
            // one match replaced by another in one refresh, then merged: as many matches, not the same ones
            laid.delete("a");
            laid.add("d", true);
            laid.mergeAll();
            assertThat(laid.search()).isEqualTo(2);

            assertThat(laid.computed).isEqualTo(3);
            assertThat(laid.refreshed("matched-new")).isEqualTo(1);
            assertThat(laid.refreshed("lost-match")).isEqualTo(1);
        }
    }

    @Test
    void recomputesWhenAMatchIsDeleted() throws IOException {
        try (HandLaidIndex laid = new HandLaidIndex()) {
            laid.add("a", true);
            laid.add("b", true);
            laid.add("c", false);
            assertThat(laid.search()).isEqualTo(2);

            laid.delete("b");
            assertThat(laid.search()).as("its segment stays, with one live document less").isEqualTo(1);
            laid.delete("a");
            laid.mergeAll();
            assertThat(laid.search()).as("merged away").isZero();

            assertThat(laid.computed).isEqualTo(3);
            assertThat(laid.refreshed("lost-match")).isEqualTo(2);
        }
    }

    /** Write orders of a rebuilt index start again: they say nothing of an answer of the index it replaces. */
    @Test
    void recomputesOnAnotherIndex() throws IOException {
        try (HandLaidIndex laid = new HandLaidIndex(); HandLaidIndex rebuilt = new HandLaidIndex(laid)) {
            laid.add("a", true);
            laid.add("b", false);
            laid.search();
            rebuilt.add("c", true);
            rebuilt.add("d", false);

            assertThat(rebuilt.search()).isEqualTo(1);
            assertThat(rebuilt.computed).isEqualTo(1);
            assertThat(laid.refreshed("other-index")).isEqualTo(1);
        }
    }

    /**
     * Documents written by hand, one segment per refresh (no merges unless asked), numbered in the
     * order of writes as {@link ArticleIndex} numbers them; the search is "matches", and its answer's
     * total is the real count.
     */
    private static final class HandLaidIndex implements AutoCloseable {

        private static final SearchRequest REQUEST = query("matches");
        private static final Query MATCHING = new TermQuery(new Term("text", "matches"));

        private final SimpleMeterRegistry registry;
        private final SearchResultCache cache;
        private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
        private final IndexWriter writer;
        private final List<DirectoryReader> readers = new ArrayList<>();
        private long written;
        private int computed;

        HandLaidIndex() throws IOException {
            registry = new SimpleMeterRegistry();
            cache = SearchResultCache.of(10, registry);
            writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE));
        }

        /** Another index sharing {@code other}'s cache, as a rebuilt index does when it takes over. */
        HandLaidIndex(HandLaidIndex other) throws IOException {
            registry = other.registry;
            cache = other.cache;
            writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE));
        }

        void add(String id, boolean matches) throws IOException {
            Document document = new Document();
            document.add(new StringField("id", id, Field.Store.NO));
            document.add(new StringField("text", matches ? "matches" : "other", Field.Store.NO));
            document.add(new LongPoint(ArticleFields.WRITE_ORDER, ++written));
            writer.addDocument(document);
        }

        void delete(String id) throws IOException {
            writer.deleteDocuments(new Term("id", id));
        }

        void mergeAll() throws IOException {
            writer.getConfig().setMergePolicy(new TieredMergePolicy());
            writer.forceMerge(1);
            writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
        }

        /** Refreshes, then searches through the cache. */
        long search() throws IOException {
            DirectoryReader reader = readers.isEmpty() ? DirectoryReader.open(writer)
                    : DirectoryReader.openIfChanged(readers.get(readers.size() - 1), writer);
            readers.add(reader);
            // a new match is never added here: the search recomputes (ArticleSearchTests cover adding)
            return cache.get(reader, REQUEST, () -> MATCHING, (answer, writtenAfter) -> null, () -> {
                computed++;
                int[] matches = new int[reader.leaves().size()];
                for (LeafReaderContext leaf : reader.leaves()) {
                    matches[leaf.ord] = new IndexSearcher(leaf.reader()).count(MATCHING);
                }
                return new SearchAnswer(new SearchResult(new IndexSearcher(reader).count(MATCHING), List.of(),
                        SearchResult.Facets.empty(), null), matches, null, null, null);
            }).result().total();
        }

        double refreshed(String outcome) {
            return registry.get(SearchResultCache.REFRESHED_METRIC).tag("outcome", outcome).counter().count();
        }

        @Override
        public void close() throws IOException {
            for (DirectoryReader reader : readers) {
                reader.close();
            }
            writer.close();
            directory.close();
        }
    }

    private double refreshed(String outcome) {
        return registry.get(SearchResultCache.REFRESHED_METRIC).tag("outcome", outcome).counter().count();
    }

    private double gets(String result) {
        var counter = registry.find("cache.gets").tag("cache", SearchResultCache.METRIC_NAME).tag("result", result).functionCounter();
        return counter == null ? 0 : counter.count();
    }

    private void index(EnrichedArticle... articles) throws IOException {
        SampleArticles.indexAll(index, List.of(articles));
    }

    private static SearchRequest query(String text) {
        return new SearchRequest(text, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, 10, null);
    }
}
