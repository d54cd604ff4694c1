package io.newsflow.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.Entity;
import io.newsflow.contract.EnrichedArticle.EntityType;

class InMemoryStoryLinksTests {

    private static final Entity HANOI = new Entity("loc:ha-noi", "Hà Nội", EntityType.LOCATION, List.of(), 3, 1.0);
    private static final Entity HANOI_COMMITTEE = new Entity("org:ubnd-ha-noi", "UBND Hà Nội", EntityType.ORGANIZATION,
            List.of(), 2, 1.0);
    private static final Entity VICE_CHAIRMAN = new Entity("per:kieu-van-phuc", "Kiều Văn Phúc", EntityType.PERSON,
            List.of(), 2, 0.8);
    private static final Entity CHAIRMAN = new Entity("per:tran-quoc-huy", "Trần Quốc Huy", EntityType.PERSON, List.of(), 2, 0.8);

    private final Clock clock = Clock.fixed(Instant.parse("2025-11-20T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void linksAReportToAnEarlierOneAboutTheSamePeopleAndKeepsItsStory() {
        StoryLinks links = new InMemoryStoryLinks(Duration.ofDays(30), 10, clock);
        links.link(article("fire", "Cháy chung cư mini", "phòng cháy", HANOI, HANOI_COMMITTEE, VICE_CHAIRMAN));

        StoryLinks.Links followUp = links.link(article("visit", "Lãnh đạo thành phố thăm nạn nhân", "phòng cháy",
                HANOI, HANOI_COMMITTEE, VICE_CHAIRMAN));

        assertThat(followUp.related()).extracting(EnrichedArticle.Related::id).containsExactly("fire");
        assertThat(followUp.storyId()).isEqualTo("fire");
        assertThat(followUp.duplicateOf()).isNull();
    }

    @Test
    void doesNotLinkArticlesThatShareOnlyTheirCityAndItsCommittee() {
        StoryLinks links = new InMemoryStoryLinks(Duration.ofDays(30), 10, clock);
        links.link(article("fire", "Cháy chung cư mini", "phòng cháy", HANOI, HANOI_COMMITTEE, VICE_CHAIRMAN));

        StoryLinks.Links cooperation = links.link(article("visit", "Hà Nội ký hợp tác với Viêng Chăn", "hợp tác",
                HANOI, HANOI_COMMITTEE, CHAIRMAN));

        assertThat(cooperation.related()).isEmpty();
        assertThat(cooperation.storyId()).isEqualTo("visit");
    }

    @Test
    void linksTheSameOfficialAtAnEventAMonthLaterNoMore() {
        StoryLinks links = new InMemoryStoryLinks(Duration.ofDays(60), 10, clock);
        links.link(published(article("visit", "Hà Nội ký hợp tác với Viêng Chăn", "hợp tác", HANOI, HANOI_COMMITTEE, CHAIRMAN),
                "2025-11-03T09:00:00+07:00"));

        StoryLinks.Links sameDay = links.link(published(article("visit-2", "Chủ tịch Hà Nội hội đàm", "hợp tác",
                HANOI, HANOI_COMMITTEE, CHAIRMAN), "2025-11-03T15:00:00+07:00"));
        StoryLinks.Links monthLater = links.link(published(article("budget", "Hà Nội thông qua ngân sách", "ngân sách",
                HANOI, HANOI_COMMITTEE, CHAIRMAN), "2025-12-04T17:00:00+07:00"));

        assertThat(sameDay.related()).extracting(EnrichedArticle.Related::id).containsExactly("visit");
        assertThat(monthLater.related()).isEmpty();
    }

    @Test
    void forgetsArticlesOutsideTheWindow() {
        MovableClock time = new MovableClock(clock.instant());
        StoryLinks links = new InMemoryStoryLinks(Duration.ofDays(1), 10, time);
        links.link(article("fire", "Cháy chung cư mini", "phòng cháy", HANOI, VICE_CHAIRMAN));
        time.now = time.now.plus(Duration.ofHours(12));
        assertThat(links.link(article("fire-2", "Cháy chung cư mini", "phòng cháy", HANOI, VICE_CHAIRMAN)).related())
                .extracting(EnrichedArticle.Related::id).containsExactly("fire");

        time.now = time.now.plus(Duration.ofDays(2));

        assertThat(links.link(article("fire-3", "Cháy chung cư mini", "phòng cháy", HANOI, VICE_CHAIRMAN)).related()).isEmpty();
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static EnrichedArticle published(EnrichedArticle article, String publishedAt) {
        return new EnrichedArticle(article.schemaVersion(), article.id(), article.revision(), article.url(), article.source(),
                article.language(), article.title(), article.lead(), article.body(), publishedAt, article.section(),
                article.credit(), article.entities(), article.tags(), article.topics(), article.related(),
                article.headlineHints(), article.duplicateOf(), article.storyId(), article.receivedAt(), article.enrichedAt());
    }

    private static EnrichedArticle article(String id, String title, String phrase, Entity... entities) {
        return new EnrichedArticle(1, id, 1, null, null, "vi", title, null, List.of(title), null, null, null,
                List.of(entities), List.of(new EnrichedArticle.Tag(phrase, 1.0)), List.of(), List.of(), List.of(), null,
                null, null, null);
    }
}
