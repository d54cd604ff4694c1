package io.newsflow.enrich.related;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How related two articles are: the weighted share of entities they have in common (people and
 * organisations count more than places), plus a little for shared key phrases. Shared places alone
 * make no link, and the score halves with every week between the two publications. Entity ids are
 * language-neutral, so an English report links to the Vietnamese one.
 */
final class RelatedScoring {

    /** Weight of shared key phrases beside shared entities. */
    static final double PHRASE_WEIGHT = 0.3;
    static final int MAX_REASONS = 5;

    record Score(double value, List<String> reasons) {
    }

    /**
     * Days after which the link between two articles counts half. Reports of one event come within
     * days of each other; the same official or city a month later is most often another event.
     */
    static final double HALF_LIFE_DAYS = 7;

    private RelatedScoring() {
    }

    /** 1 for articles published together, halving every {@link #HALF_LIFE_DAYS}; 1 when a time is unknown. */
    static double recency(ArticleSignature current, ArticleSignature earlier) {
        if (current.publishedAt() == null || earlier.publishedAt() == null) {
            return 1;
        }
        double days = Math.abs(Duration.between(earlier.publishedAt(), current.publishedAt()).toMinutes()) / (24.0 * 60);
        return Math.pow(0.5, days / HALF_LIFE_DAYS);
    }

    static Score score(ArticleSignature current, ArticleSignature earlier) {
        double shared = 0;
        double union = 0;
        Set<String> ids = new HashSet<>(current.entities().keySet());
        ids.addAll(earlier.entities().keySet());
        List<Map.Entry<String, Double>> common = new ArrayList<>();
        for (String id : ids) {
            double mine = current.entities().getOrDefault(id, 0.0);
            double theirs = earlier.entities().getOrDefault(id, 0.0);
            shared += Math.min(mine, theirs);
            union += Math.max(mine, theirs);
            if (mine > 0 && theirs > 0) {
                common.add(Map.entry(id, Math.min(mine, theirs)));
            }
        }
        Set<String> phrases = new HashSet<>(current.phrases());
        phrases.retainAll(new HashSet<>(earlier.phrases()));
        // shared settings ("Hà Nội", "UBND TP Hà Nội") are where half the news happens: they link two
        // articles only beside a shared actor (person, organisation) or shared key phrases
        boolean meaningful = common.stream().anyMatch(entity -> !Settings.isSetting(entity.getKey()))
                || (!common.isEmpty() && !phrases.isEmpty());
        double entityScore = union == 0 || !meaningful ? 0 : shared / union;
        Set<String> allPhrases = new HashSet<>(current.phrases());
        allPhrases.addAll(earlier.phrases());
        double phraseScore = allPhrases.isEmpty() ? 0 : (double) phrases.size() / allPhrases.size();
        double value = Math.min(1, entityScore + PHRASE_WEIGHT * phraseScore) * recency(current, earlier);

        List<String> reasons = new ArrayList<>();
        common.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Double> entity : common) {
            if (reasons.size() < MAX_REASONS) {
                reasons.add("entity:" + current.names().getOrDefault(entity.getKey(), entity.getKey()));
            }
        }
        phrases.stream().sorted(Comparator.naturalOrder()).limit(Math.max(0, MAX_REASONS - reasons.size()))
                .forEach(phrase -> reasons.add("phrase:" + phrase));
        return new Score(Math.round(value * 100) / 100.0, reasons);
    }
}
