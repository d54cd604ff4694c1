package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contract.EnrichedArticle.Entity;
import io.newsflow.contract.EnrichedArticle.EntityType;
import io.newsflow.enrich.Seeds;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.extraction.ExtractedArticle;

class EntityRecognizerTests {

    private final EntityRecognizer recognizer = EntityRecognizer.withDefaults();
    private final ArticleExtractor extractor = ArticleExtractor.withDefaults();

    @Test
    void findsThePeoplePlacesAndBodiesOfTheCityVisitSeed() {
        List<Entity> entities = recognizer.recognize(extractor.extract(Seeds.raw(Seeds.CITY_VISIT)), 100);

        assertThat(entities).extracting(Entity::name, Entity::type).contains(
                tuple("Nguyễn Văn Nên", EntityType.PERSON),
                tuple("Anouphab Tounalom", EntityType.PERSON),
                tuple("Thành phố Hồ Chí Minh", EntityType.LOCATION),
                tuple("Vientiane", EntityType.LOCATION),
                tuple("Lào", EntityType.LOCATION),
                tuple("Việt Nam", EntityType.LOCATION),
                tuple("Đảng Nhân dân Cách mạng Lào", EntityType.ORGANIZATION),
                tuple("Bộ Chính trị", EntityType.ORGANIZATION));
        assertThat(entities).extracting(Entity::id).doesNotHaveDuplicates()
                .contains("per:nguyen-van-nen", "loc:ho-chi-minh-city", "loc:vientiane", "org:thanh-uy-ho-chi-minh-city");
        assertThat(entities.get(0).salience()).isEqualTo(1.0);
    }

    @Test
    void findsThePeopleMagazinesAndPlacesOfTheMagazineVisitSeed() {
        List<Entity> entities = recognizer.recognize(extractor.extract(Seeds.raw(Seeds.MAGAZINE_VISIT)), 100);

        assertThat(entities).extracting(Entity::name, Entity::type).contains(
                tuple("Phan Nguyễn Như Khuê", EntityType.PERSON),
                tuple("Vũ Trọng Lâm", EntityType.PERSON),
                tuple("Khamsavay Sidavong", EntityType.PERSON),
                tuple("Tạp chí Alunmay", EntityType.ORGANIZATION),
                tuple("Tạp chí Cộng sản", EntityType.ORGANIZATION),
                tuple("Tập đoàn Viettel", EntityType.ORGANIZATION),
                tuple("Thành phố Hồ Chí Minh", EntityType.LOCATION),
                tuple("Đà Nẵng", EntityType.LOCATION));
        assertThat(entities).extracting(Entity::name)
                .noneMatch(name -> name.startsWith("Tạp chí Alunmay ") || name.startsWith("Trưởng"));
    }

    @Test
    void linksEveryWayOfWritingHoChiMinhCityToOneEntity() {
        List<Entity> entities = recognize("TP HCM, TPHCM, TP. HCM, TP.HCM và Thành phố Hồ Chí Minh",
                "Đoàn công tác của thành phố Hồ Chí Minh (Ho Chi Minh City, HCM City) đã tới Viêng Chăn và Vientiane.");

        assertThat(entities).filteredOn(entity -> entity.id().equals("loc:ho-chi-minh-city"))
                .singleElement().satisfies(city -> assertThat(city.mentions()).isEqualTo(8));
        assertThat(entities).filteredOn(entity -> entity.id().equals("loc:vientiane"))
                .singleElement().satisfies(capital -> assertThat(capital.mentions()).isEqualTo(2));
    }

    @Test
    void linksAnUnaccentedEnglishNameToTheAccentedOne() {
        List<Entity> entities = recognize("Ho Chi Minh City leader visits Laos",
                "Mr. Nguyen Van Nen met officials in Vientiane on Thursday.");

        assertThat(entities).extracting(Entity::id, Entity::name, Entity::type)
                .contains(tuple("per:nguyen-van-nen", "Nguyễn Văn Nên", EntityType.PERSON),
                        tuple("loc:lao", "Lào", EntityType.LOCATION),
                        tuple("loc:vientiane", "Vientiane", EntityType.LOCATION));
    }

    @Test
    void composesLocalBodiesWithTheirPlace() {
        List<Entity> entities = recognize("Lãnh đạo địa phương họp bàn",
                "Thành ủy TPHCM và UBND tỉnh Quảng Ninh ký kết; HĐND cũng có mặt.");

        assertThat(entities).extracting(Entity::id).contains("org:thanh-uy-ho-chi-minh-city", "org:ubnd-quang-ninh",
                "loc:quang-ninh").doesNotContain("org:hdnd");
    }

    @Test
    void findsNamesByCuesAndSurnamesWithoutJunkFromSentenceStarts() {
        List<Entity> entities = recognize("Khánh thành cây cầu mới",
                "Trong buổi lễ, ông Trần Minh Đức cho biết Công ty Sông Xanh đã hoàn thành dự án tại xã Tân Phú. "
                        + "Người lao động và Bí thư huyện ủy đều có mặt. Đại sứ Kim Soo Hyun cũng tới dự.");

        assertThat(entities).extracting(Entity::name, Entity::type).containsExactlyInAnyOrder(
                tuple("Trần Minh Đức", EntityType.PERSON),
                tuple("Công ty Sông Xanh", EntityType.ORGANIZATION),
                tuple("Tân Phú", EntityType.LOCATION),
                tuple("Kim Soo Hyun", EntityType.PERSON));
    }

    @Test
    void countsTheLastNameAfterATitleAsTheSamePerson() {
        List<Entity> entities = recognize("Ông Trần Minh Đức nhận giải thưởng",
                "Ông Đức cho biết giải thưởng dành cho cả tập thể. Bà Lan, đồng nghiệp của ông Đức, chúc mừng.");

        assertThat(entities).filteredOn(entity -> entity.type() == EntityType.PERSON)
                .singleElement().satisfies(person -> {
                    assertThat(person.name()).isEqualTo("Trần Minh Đức");
                    assertThat(person.mentions()).isEqualTo(3);
                    assertThat(person.aliases()).containsExactly("Trần Minh Đức");
                });
    }

    @Test
    void weighsMentionsInTheTitleAboveMentionsInTheBody() {
        List<Entity> entities = recognize("Hà Nội đón khách quốc tế",
                "Du khách từ Nhật Bản tới thăm. Nhật Bản là thị trường lớn.");

        assertThat(entities.get(0).id()).isEqualTo("loc:ha-noi");
        assertThat(entities).extracting(Entity::id).containsExactly("loc:ha-noi", "loc:nhat-ban");
    }

    private List<Entity> recognize(String title, String body) {
        return recognizer.recognize(new ExtractedArticle(title, null, List.of(body), null, null, null, "vi", List.of()), 50);
    }
}
