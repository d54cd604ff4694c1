package io.newsflow.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where each term sits in the terms dictionary of each segment, with its statistics there: what a
 * term query looks up in every segment before it searches. A segment's dictionary never changes
 * (deletions leave it and its statistics as they are), so a place found once holds for every reader
 * sharing that segment. Bounded: places of merged-away segments age out.
 */
final class SegmentTerms {

    /** Places kept: a few megabytes. */
    private static final int PLACES = 32_768;

    /** A term in one segment: its dictionary entry and how many documents (and times) hold it there. */
    record Place(TermState state, int docFreq, long totalTermFreq) {
    }

    private record Key(Object core, Term term) {
    }

    private final Cache<Key, Optional<Place>> places = Caffeine.newBuilder().maximumSize(PLACES).build();

    /** The term's place in this segment, or null when the segment does not hold it. */
    Place place(LeafReaderContext leaf, Term term) throws IOException {
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        if (core == null) {
            return lookUp(leaf, term);
        }
        try {
            return places.get(new Key(core.getKey(), term), key -> {
                try {
                    return Optional.ofNullable(lookUp(leaf, term));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse(null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Place lookUp(LeafReaderContext leaf, Term term) throws IOException {
        Terms terms = Terms.getTerms(leaf.reader(), term.field());
        TermsEnum dictionary = terms.iterator();
        if (!dictionary.seekExact(term.bytes())) {
            return null;
        }
        // termState() hands out a copy: the enum moves on, the place stays
        return new Place(dictionary.termState(), dictionary.docFreq(), dictionary.totalTermFreq());
    }
}
