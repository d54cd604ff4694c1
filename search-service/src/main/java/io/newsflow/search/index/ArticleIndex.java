package io.newsflow.search.index;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.text.VietnameseText;
import io.newsflow.search.config.SearchProperties;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * This instance's replica of the article index: one {@link IndexWriter}, a near-real-time
 * {@link SearcherManager}, and the Kafka offsets applied so far kept in the index's own commit
 * user data, so that documents and offsets are always committed together.
 */
public class ArticleIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final String OFFSET_PREFIX = "kafka.offset.";

    /**
     * Analysed text whose postings carry offsets (the text is stored beside it as written): the
     * highlighter reads the match positions from the index instead of running the ICU analyzer over
     * every returned article again.
     */
    private static final FieldType HIGHLIGHTED_TEXT = highlightedText();
    /**
     * Fields that only match and score: no query of the service looks at positions (no phrase
     * queries; syllable pairs are indexed as terms), so none are written, which makes indexing and
     * the index cheaper.
     */
    private static final FieldType TERMS_ONLY = termsOnly();

    private final Analyzer analyzer = ArticleAnalyzers.perField();
    /** The chain every indexed text variant starts from, run once per text ({@link AnalyzedText}). */
    private final Analyzer exactAnalyzer = ArticleAnalyzers.exact();
    private final FacetsConfig facets = new FacetsConfig();
    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
    /** The directory, writer and searchers in use; replaced as a whole when a rebuilt index takes over. */
    private volatile Store store;

    public ArticleIndex(SearchProperties properties, long generation) {
        this(pathOf(Path.of(properties.indexPath()), generation));
    }

    public ArticleIndex(Path path) {
        for (String dim : List.of(ArticleFields.FACET_ENTITY, ArticleFields.FACET_TAG, ArticleFields.FACET_TOPIC)) {
            facets.setMultiValued(dim, true);
        }
        store = new Store(path, analyzer, facets);
        log.info("Article index at {} holds {} documents", path, store.writer.getDocStats().numDocs);
    }

    /**
     * Directory of one generation of the index: generation 0 is the configured path itself (what a
     * service that never rebuilt uses), generation n a sibling {@code <path>-g<n>}.
     */
    public static Path pathOf(Path base, long generation) {
        Path absolute = base.toAbsolutePath();
        return generation == 0 ? absolute : absolute.resolveSibling(absolute.getFileName() + "-g" + generation);
    }

    /** The directory this index reads and writes now. */
    public Path path() {
        return store.path;
    }

    /**
     * Takes over the directory, writer and searchers of an index built aside (a rebuild), closes and
     * deletes its own previous directory. Searches running on the old searcher finish on it; waiters
     * for a revision move to the new index. {@code built} must not be used afterwards.
     */
    public synchronized void takeOver(ArticleIndex built) throws IOException {
        Store previous = store;
        Store next = built.store;
        next.writer.commit();
        store = next;
        built.store = null;
        waiters.forEach((id, list) -> {
            long revision = searchableRevision(id);
            list.stream().filter(waiter -> waiter.revision <= revision).forEach(waiter -> waiter.future.complete(null));
        });
        log.info("Article index switched from {} to {} ({} documents)", previous.path, next.path, next.writer.getDocStats().numDocs);
        previous.close();
        deleteRecursively(previous.path);
    }

    /** Closes and deletes an index built aside that will not take over (a failed rebuild). */
    public void discard() {
        Store current = store;
        if (current == null) {
            return;
        }
        store = null;
        try {
            current.rollbackAndClose();
            deleteRecursively(current.path);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not discard the index at {}: {}", current.path, e.toString());
        }
    }

    /** Deletes an index directory left by an earlier attempt, or one no longer used. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Bytes of the index files on disk. */
    public long sizeOnDisk() {
        Store current = store;
        if (current == null) {
            return 0;
        }
        try (var files = Files.list(current.path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException vanished) {
                    return 0L; // merged away between listing and sizing
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Kafka offsets (next to read) of the last commit, by {@code topic:partition}. */
    public Map<String, Long> committedOffsets() {
        Map<String, Long> offsets = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = store.writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().startsWith(OFFSET_PREFIX)) {
                    offsets.put(entry.getKey().substring(OFFSET_PREFIX.length()), Long.parseLong(entry.getValue()));
                }
            }
        }
        return offsets;
    }

    /**
     * Adds or replaces an article unless the index already holds the same or a newer revision.
     *
     * @return true when the document was written
     */
    public boolean apply(EnrichedArticle article, Map<String, Long> pendingRevisions) throws IOException {
        long known = Math.max(pendingRevisions.getOrDefault(article.id(), -1L), searchableRevision(article.id()));
        if (known >= article.revision()) {
            return false;
        }
        Store current = store;
        Document document = toDocument(article);
        document.add(WriteOrder.field(current.lastWritten.incrementAndGet()));
        current.writer.updateDocument(new Term(ArticleFields.ID, article.id()), facets.build(document));
        pendingRevisions.put(article.id(), article.revision());
        return true;
    }

    /** Makes what was applied searchable and records the offsets to commit with it. */
    public void publish(Map<String, Long> appliedRevisions, Map<String, Long> offsets) throws IOException {
        Map<String, String> data = new HashMap<>();
        offsets.forEach((partition, offset) -> data.put(OFFSET_PREFIX + partition, Long.toString(offset)));
        Store current = store;
        current.writer.setLiveCommitData(data.entrySet());
        current.searchers.maybeRefreshBlocking();
        appliedRevisions.forEach(this::completeWaiters);
    }

    public void commit() throws IOException {
        Store current = store;
        if (current.writer.hasUncommittedChanges()) {
            current.writer.commit();
        }
    }

    public int documentCount() {
        Store current = store;
        return current == null ? 0 : current.writer.getDocStats().numDocs;
    }

    /** The revision of an article as searchable now, or -1. */
    public long searchableRevision(String id) {
        try {
            return withSearcherOnly((searcher, noFacets) -> {
                TopDocs hits = searcher.search(new TermQuery(new Term(ArticleFields.ID, id)), 1);
                if (hits.scoreDocs.length == 0) {
                    return -1L;
                }
                int doc = hits.scoreDocs[0].doc;
                var leaves = searcher.getIndexReader().leaves();
                var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                NumericDocValues revisions = leaf.reader().getNumericDocValues(ArticleFields.REVISION);
                return revisions != null && revisions.advanceExact(doc - leaf.docBase) ? revisions.longValue() : -1L;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes when this replica can find the article at the given revision (or a newer one). */
    public CompletableFuture<Void> whenSearchable(String id, long revision) {
        CompletableFuture<Void> searchable = new CompletableFuture<>();
        Waiter waiter = new Waiter(revision, searchable);
        waiters.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(waiter);
        // registered first, checked second: a refresh in between cannot be missed
        if (searchableRevision(id) >= revision) {
            searchable.complete(null);
        }
        searchable.whenComplete((ignored, error) -> waiters.computeIfPresent(id, (key, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        }));
        return searchable;
    }

    private void completeWaiters(String id, long revision) {
        List<Waiter> list = waiters.get(id);
        if (list != null) {
            list.stream().filter(waiter -> waiter.revision <= revision).forEach(waiter -> waiter.future.complete(null));
        }
    }

    /** Runs a search on the current searcher; the searcher is released afterwards. */
    public <T> T withSearcher(SearcherTask<T> task) throws IOException {
        return withSearcher(true, task);
    }

    /** As {@link #withSearcher} without facet state (null), so it never waits for a refresh's facet build. */
    public <T> T withSearcherOnly(SearcherTask<T> task) throws IOException {
        return withSearcher(false, task);
    }

    /**
     * The facet state of a few segments opened on their own (not kept: the current reader's is); null
     * when none of their documents has a facet label.
     */
    public SortedSetDocValuesReaderState facetStateOf(IndexReader segments) throws IOException {
        try {
            return new DefaultSortedSetDocValuesReaderState(segments, facets);
        } catch (IllegalArgumentException noFacets) {
            return null;
        }
    }

    private <T> T withSearcher(boolean withFacets, SearcherTask<T> task) throws IOException {
        Store current = store;
        IndexSearcher searcher;
        try {
            searcher = current.searchers.acquire();
        } catch (org.apache.lucene.store.AlreadyClosedException switched) {
            // a rebuilt index took over between reading the store and acquiring: use the new one
            current = store;
            searcher = current.searchers.acquire();
        }
        try {
            return task.run(searcher, withFacets ? current.facetState(searcher.getIndexReader(), facets) : null);
        } finally {
            current.searchers.release(searcher);
        }
    }

    private Document toDocument(EnrichedArticle article) {
        Document doc = new Document();
        doc.add(new StringField(ArticleFields.ID, article.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ArticleFields.ID_SORT, new BytesRef(article.id())));
        doc.add(new NumericDocValuesField(ArticleFields.REVISION, article.revision()));
        long published = publishedMillis(article);
        doc.add(new LongPoint(ArticleFields.PUBLISHED, published));
        doc.add(new NumericDocValuesField(ArticleFields.PUBLISHED_SORT, published));
        if (article.publishedAt() != null) {
            doc.add(new StoredField(ArticleFields.PUBLISHED_AT, article.publishedAt()));
        }
        String title = nfc(article.title());
        String lead = nfc(article.lead());
        String body = article.body() == null ? "" : nfc(String.join("\n\n", article.body()));
        // each text analyzed once; every field below is made of its words
        AnalyzedText titleWords = AnalyzedText.of(exactAnalyzer, title);
        AnalyzedText leadWords = AnalyzedText.of(exactAnalyzer, lead);
        AnalyzedText bodyWords = AnalyzedText.of(exactAnalyzer, body);
        addHighlighted(doc, ArticleFields.TITLE, title, titleWords);
        addHighlighted(doc, ArticleFields.LEAD, lead, leadWords);
        addHighlighted(doc, ArticleFields.BODY, body, bodyWords);
        for (AnalyzedText text : List.of(titleWords, leadWords, bodyWords)) {
            doc.add(new Field(ArticleFields.ALL, AnalyzedText.terms(text.foldedWords()), TERMS_ONLY));
        }
        // lead and body count as one text, as they read: a pair may span the two
        addTerms(doc, ArticleFields.TITLE_BIGRAMS, AnalyzedText.pairs(titleWords.foldedWords()));
        addTerms(doc, ArticleFields.TEXT_BIGRAMS, AnalyzedText.pairs(leadWords.foldedWords(), bodyWords.foldedWords()));
        addTerms(doc, ArticleFields.TITLE_EXACT_BIGRAMS, AnalyzedText.pairs(titleWords.exactWords()));
        addTerms(doc, ArticleFields.TEXT_EXACT_BIGRAMS, AnalyzedText.pairs(leadWords.exactWords(), bodyWords.exactWords()));
        addTerms(doc, ArticleFields.TITLE_EXACT, titleWords.exactWords());
        addTerms(doc, ArticleFields.TEXT_EXACT, leadWords.exactWords());
        addTerms(doc, ArticleFields.TEXT_EXACT, bodyWords.exactWords());
        if (article.source() != null) {
            doc.add(new StringField(ArticleFields.SOURCE, article.source(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(ArticleFields.FACET_SOURCE, article.source()));
        }
        if (article.language() != null) {
            doc.add(new StringField(ArticleFields.LANGUAGE, article.language(), Field.Store.YES));
        }
        for (EnrichedArticle.Entity entity : nonNull(article.entities())) {
            if (entity.id() == null || entity.id().isBlank()) {
                continue;
            }
            doc.add(new StringField(ArticleFields.ENTITY, entity.id(), Field.Store.NO));
            Set<String> names = new LinkedHashSet<>();
            if (entity.name() != null) {
                names.add(entity.name());
            }
            names.addAll(nonNull(entity.aliases()));
            for (String name : names) {
                doc.add(new Field(ArticleFields.ENTITY_NAMES, nfc(name), TERMS_ONLY));
                doc.add(new Field(ArticleFields.ALL, nfc(name), TERMS_ONLY));
                String key = VietnameseText.key(name);
                if (!key.isEmpty()) {
                    doc.add(new StringField(ArticleFields.ENTITY_KEY, key, Field.Store.NO));
                    doc.add(new StringField(ArticleFields.ENTITY_EXACT_KEY, ArticleAnalyzers.exactKey(name), Field.Store.NO));
                }
            }
            doc.add(new SortedSetDocValuesFacetField(ArticleFields.FACET_ENTITY,
                    facetValue(entity.id(), entity.name())));
        }
        for (EnrichedArticle.Tag tag : nonNull(article.tags())) {
            if (tag.label() != null && !VietnameseText.key(tag.label()).isEmpty()) {
                doc.add(new StringField(ArticleFields.TAG, VietnameseText.key(tag.label()), Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(ArticleFields.FACET_TAG, nfc(tag.label())));
            }
        }
        for (EnrichedArticle.Topic topic : nonNull(article.topics())) {
            if (topic.code() != null && !topic.code().isBlank()) {
                doc.add(new StringField(ArticleFields.TOPIC, topic.code(), Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(ArticleFields.FACET_TOPIC, facetValue(topic.code(), topic.label())));
            }
        }
        return doc;
    }

    /** Stored as written, indexed folded with offsets (highlights come from the postings). */
    private static void addHighlighted(Document doc, String field, String text, AnalyzedText words) {
        doc.add(new StoredField(field, text));
        doc.add(new Field(field, words.folded(), HIGHLIGHTED_TEXT));
    }

    private static void addTerms(Document doc, String field, List<String> terms) {
        doc.add(new Field(field, AnalyzedText.terms(terms), TERMS_ONLY));
    }

    private static FieldType termsOnly() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static FieldType highlightedText() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** Facet value carrying a display name: {@code id|name}; ids never hold a bar. */
    static String facetValue(String id, String name) {
        return name == null || name.isBlank() ? id : id + "|" + name.replace('|', '/');
    }

    /** Milliseconds of the published time; the receive time stands in when it is unknown. */
    public static long publishedMillis(EnrichedArticle article) {
        Long published = parseInstant(article.publishedAt());
        if (published != null) {
            return published;
        }
        Long received = parseInstant(article.receivedAt());
        return received != null ? received : 0L;
    }

    public static Long parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException unknown) {
                return null;
            }
        }
    }

    private static String nfc(String text) {
        return text == null ? "" : VietnameseText.nfc(text);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    @Override
    public void close() throws IOException {
        waiters.values().forEach(list -> list.forEach(waiter -> waiter.future.cancel(false)));
        Store current = store;
        if (current != null) {
            current.close();
        }
        log.info("Article index closed");
    }

    /** One index directory with its writer and near-real-time searchers. */
    private static final class Store {

        private final Path path;
        private final Directory directory;
        private final IndexWriter writer;
        private final SearcherManager searchers;
        /** The {@link WriteOrder} of the last document written; writes come from one thread at a time. */
        private final AtomicLong lastWritten;
        private volatile FacetState facetState;

        Store(Path path, Analyzer analyzer, FacetsConfig facets) {
            this.path = path;
            try {
                if (predatesCurrentFields(path)) {
                    // written with other index options (offsets in the text fields, no positions in the
                    // others; Lucene refuses to mix options in one field) or before the combined field
                    // existed: start empty; the feed then re-reads the compacted topic from the start
                    log.warn("Article index at {} predates the current fields: rebuilding it from the topic", path);
                    deleteRecursively(path);
                }
                directory = FSDirectory.open(path);
                IndexWriterConfig config = new IndexWriterConfig(analyzer);
                config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
                // small buffer: the service runs with a 256 MB heap (and a rebuild holds two writers)
                config.setRAMBufferSizeMB(16);
                writer = new IndexWriter(directory, config);
                searchers = new SearcherManager(writer, new SearcherFactory() {
                    @Override
                    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                        // the refreshing thread (the feed) builds the facet state, so no search waits for it
                        facetState(reader, facets);
                        return super.newSearcher(reader, previousReader);
                    }
                });
                IndexSearcher opened = searchers.acquire();
                try {
                    lastWritten = new AtomicLong(WriteOrder.newest(opened.getIndexReader()));
                } finally {
                    searchers.release(opened);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the article index at " + path, e);
            }
        }

        private static boolean predatesCurrentFields(Path path) throws IOException {
            if (!Files.isDirectory(path)) {
                return false;
            }
            try (Directory existing = FSDirectory.open(path)) {
                if (!DirectoryReader.indexExists(existing)) {
                    return false;
                }
                try (DirectoryReader reader = DirectoryReader.open(existing)) {
                    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
                    FieldInfo title = fields.fieldInfo(ArticleFields.TITLE);
                    FieldInfo all = fields.fieldInfo(ArticleFields.ALL);
                    return title != null && (title.getIndexOptions() != HIGHLIGHTED_TEXT.indexOptions()
                            || all == null || all.getIndexOptions() != TERMS_ONLY.indexOptions());
                }
            }
        }

        SortedSetDocValuesReaderState facetState(IndexReader reader, FacetsConfig facets) throws IOException {
            FacetState current = facetState;
            if (current != null && current.reader == reader) {
                return current.state;
            }
            // the reader state maps facet ordinals of one reader: rebuilt once per refresh, not per query
            return buildFacetState(reader, facets);
        }

        /**
         * One thread builds the state of a new reader while the others wait for it: without the lock,
         * every search arriving just after a refresh built its own copy, all at once.
         */
        private synchronized SortedSetDocValuesReaderState buildFacetState(IndexReader reader, FacetsConfig facets) throws IOException {
            FacetState current = facetState;
            if (current != null && current.reader == reader) {
                return current.state;
            }
            try {
                FacetState fresh = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
                facetState = fresh;
                return fresh.state;
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
        }

        void close() throws IOException {
            searchers.close();
            writer.close();
            directory.close();
        }

        void rollbackAndClose() throws IOException {
            searchers.close();
            writer.rollback();
            directory.close();
        }
    }

    /** A search against one point-in-time searcher; facet state is null while no document has facets. */
    @FunctionalInterface
    public interface SearcherTask<T> {
        T run(IndexSearcher searcher, SortedSetDocValuesReaderState facetState) throws IOException;
    }

    private record Waiter(long revision, CompletableFuture<Void> future) {
    }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }
}
