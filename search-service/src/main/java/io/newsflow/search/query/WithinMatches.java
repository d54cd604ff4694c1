package io.newsflow.search.query;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.Collection;

/**
 * Collects, of what the ranking query finds, only the documents of the matching pass. The ranking
 * query of a search finds more than the search selects (any one of its clauses is enough, see
 * {@link ArticleQueries.Built}); the matching pass, run first for the total and the facets, has
 * already recorded per segment which documents the search selects.
 */
final class WithinMatches<C extends Collector, T> implements CollectorManager<WithinMatches.Restricted<C>, T> {

    private final CollectorManager<C, T> ranking;
    /** By segment ordinal; null where nothing matches, so that segment is not searched at all. */
    private final Bits[] matchesBySegment;

    WithinMatches(CollectorManager<C, T> ranking, FacetsCollector matches, int segments) throws IOException {
        this.ranking = ranking;
        this.matchesBySegment = new Bits[segments];
        for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
            if (docs.totalHits > 0) {
                matchesBySegment[docs.context.ord] = bits(docs.bits, docs.context.reader().maxDoc());
            }
        }
    }

    private static Bits bits(DocIdSet docs, int maxDoc) throws IOException {
        if (docs instanceof BitDocIdSet dense) {
            return dense.bits();
        }
        FixedBitSet bits = new FixedBitSet(maxDoc);
        bits.or(docs.iterator());
        return bits;
    }

    @Override
    public Restricted<C> newCollector() throws IOException {
        return new Restricted<>(ranking.newCollector(), matchesBySegment);
    }

    @Override
    public T reduce(Collection<Restricted<C>> collectors) throws IOException {
        return ranking.reduce(collectors.stream().map(restricted -> restricted.ranking).toList());
    }

    static final class Restricted<C extends Collector> implements Collector {

        private final C ranking;
        private final Bits[] matchesBySegment;

        private Restricted(C ranking, Bits[] matchesBySegment) {
            this.ranking = ranking;
            this.matchesBySegment = matchesBySegment;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            Bits matches = matchesBySegment[context.ord];
            if (matches == null) {
                throw new CollectionTerminatedException();
            }
            LeafCollector leaf = ranking.getLeafCollector(context);
            return new FilterLeafCollector(leaf) {
                @Override
                public void collect(int doc) throws IOException {
                    if (matches.get(doc)) {
                        in.collect(doc);
                    }
                }

                @Override
                public DocIdSetIterator competitiveIterator() throws IOException {
                    // a sort on a field may skip documents it knows cannot enter the page
                    return in.competitiveIterator();
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ranking.scoreMode();
        }

        // setWeight is not passed on: a collector may count from the weight, which is the wider query's
    }
}
