package io.newsflow.search.index;

import io.newsflow.search.SampleArticles;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIndexTests {

    @TempDir
    Path directory;

    @Test
    void startsEmptyFromTheTopicWhenTheIndexPredatesOffsetsInItsTextFields() throws IOException {
        try (var old = FSDirectory.open(directory);
             IndexWriter writer = new IndexWriter(old, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(ArticleFields.ID, "a000000000000009", Field.Store.YES));
            doc.add(new TextField(ArticleFields.TITLE, "Tiêu đề cũ", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of("kafka.offset.newsflow.articles.enriched:0", "7").entrySet());
            writer.commit();
        }

        try (ArticleIndex index = new ArticleIndex(directory)) {
            assertThat(index.documentCount()).isZero();
            assertThat(index.committedOffsets()).isEmpty();
            Map<String, Long> applied = new HashMap<>();
            assertThat(index.apply(SampleArticles.visit(1), applied)).isTrue();
            index.publish(applied, Map.of());
            assertThat(index.searchableRevision("a000000000000001")).isEqualTo(1);
        }
    }

    @Test
    void startsEmptyFromTheTopicWhenTheCombinedFieldWasWrittenWithPositions() throws IOException {
        FieldType highlighted = new FieldType(TextField.TYPE_STORED);
        highlighted.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (var old = FSDirectory.open(directory);
             IndexWriter writer = new IndexWriter(old, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(ArticleFields.ID, "a000000000000009", Field.Store.YES));
            doc.add(new Field(ArticleFields.TITLE, "Tiêu đề cũ", highlighted));
            doc.add(new TextField(ArticleFields.ALL, "Tiêu đề cũ", Field.Store.NO));
            writer.addDocument(doc);
            writer.commit();
        }

        try (ArticleIndex index = new ArticleIndex(directory)) {
            assertThat(index.documentCount()).isZero();
            Map<String, Long> applied = new HashMap<>();
            assertThat(index.apply(SampleArticles.visit(1), applied)).isTrue();
            index.publish(applied, Map.of());
            assertThat(index.searchableRevision("a000000000000001")).isEqualTo(1);
        }
    }

    @Test
    void keepsAnIndexWrittenWithOffsets() throws IOException {
        try (ArticleIndex index = new ArticleIndex(directory)) {
            Map<String, Long> applied = new HashMap<>();
            for (var article : List.of(SampleArticles.visit(1), SampleArticles.rain(1))) {
                index.apply(article, applied);
            }
            index.publish(applied, Map.of("newsflow.articles.enriched:0", 2L));
            index.commit();
        }

        try (ArticleIndex reopened = new ArticleIndex(directory)) {
            assertThat(reopened.documentCount()).isEqualTo(2);
            assertThat(reopened.committedOffsets()).containsEntry("newsflow.articles.enriched:0", 2L);
        }
    }

    /** Every write gets the next number, also after a restart, and a reader's newest is its last write. */
    @Test
    void numbersWritesInOrderAcrossRestarts() throws IOException {
        try (ArticleIndex index = new ArticleIndex(directory)) {
            SampleArticles.indexAll(index, List.of(SampleArticles.visit(1), SampleArticles.rain(1)));
            // a new revision is a new write; the document it replaces keeps its number until merged away
            SampleArticles.indexAll(index, List.of(SampleArticles.rain(2)));
            long newest = index.withSearcherOnly((searcher, noFacets) -> WriteOrder.newest(searcher.getIndexReader()));
            assertThat(newest).isEqualTo(3);
            index.commit();
        }

        try (ArticleIndex reopened = new ArticleIndex(directory)) {
            SampleArticles.indexAll(reopened, List.of(SampleArticles.river(1)));
            List<Long> riverNewerNewest = reopened.withSearcherOnly((searcher, noFacets) -> List.of(
                    (long) searcher.count(new TermQuery(new Term(ArticleFields.ID, SampleArticles.river(1).id()))),
                    (long) searcher.count(WriteOrder.after(3)), WriteOrder.newest(searcher.getIndexReader())));
            assertThat(riverNewerNewest).containsExactly(1L, 1L, 4L);
        }
    }
}
