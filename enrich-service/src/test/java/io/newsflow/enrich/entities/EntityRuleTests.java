package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contract.EnrichedArticle.Entity;
import io.newsflow.contract.EnrichedArticle.EntityType;
import io.newsflow.enrich.extraction.ExtractedArticle;

/** The rules for names the knowledge base does not hold, one writing habit per test. */
class EntityRuleTests {

    private final EntityRecognizer recognizer = EntityRecognizer.withDefaults();

    @Test
    void takesTheNameAfterATitleAndTheBodyOrCountryItBelongsTo() {
        List<Entity> entities = recognize("Tỉnh trưởng Thủ đô Vientiane Bounchanh Keomany tiếp đoàn.");

        assertThat(entities).extracting(Entity::id, Entity::type).contains(
                tuple("per:bounchanh-keomany", EntityType.PERSON), tuple("loc:vientiane", EntityType.LOCATION));
    }

    @Test
    void keepsAOneWordPlaceInsideAPersonsName() {
        List<Entity> entities = recognize("Bà Huỳnh Thị Mỹ Lệ và ông Phạm Đức Toàn dự lễ khai mạc.");

        assertThat(entities).extracting(Entity::id).containsExactlyInAnyOrder("per:huynh-thi-my-le", "per:pham-duc-toan");
    }

    @Test
    void keepsTheLowerCaseSyllableOfAHyphenatedGivenName() {
        List<Entity> entities = recognize("HLV Lee Dong-hyun cho biết đội sẽ tấn công.");

        assertThat(entities).extracting(Entity::id, Entity::name).containsExactly(tuple("per:lee-dong-hyun", "Lee Dong-hyun"));
    }

    @Test
    void namesALocalBodyWrittenAfterItsPlaceInEnglishAsTheVietnameseOne() {
        List<Entity> english = recognize("Chairman of the Quang Ngai People's Committee Vo Thanh Nhan spoke.");
        List<Entity> vietnamese = recognize("Chủ tịch UBND tỉnh Quảng Ngãi Võ Thành Nhân phát biểu.");

        assertThat(english).extracting(Entity::id)
                .containsExactlyInAnyOrder("org:ubnd-quang-ngai", "loc:quang-ngai", "per:vo-thanh-nhan");
        assertThat(vietnamese).extracting(Entity::id)
                .containsExactlyInAnyOrder("org:ubnd-quang-ngai", "loc:quang-ngai", "per:vo-thanh-nhan");
        assertThat(vietnamese).filteredOn(entity -> entity.id().equals("org:ubnd-quang-ngai"))
                .flatExtracting(Entity::aliases).contains("UBND tỉnh Quảng Ngãi");
    }

    @Test
    void findsAnEnglishPlaceBeforeItsKindWithTheIdOfTheVietnameseOne() {
        List<Entity> english = recognize("A fire broke out in Khuong Dinh Ward on Wednesday.");
        List<Entity> vietnamese = recognize("Đám cháy xảy ra tại phường Khương Đình.");

        assertThat(english).extracting(Entity::id, Entity::type).containsExactly(tuple("loc:khuong-dinh", EntityType.LOCATION));
        assertThat(vietnamese).extracting(Entity::id).containsExactly("loc:khuong-dinh");
    }

    @Test
    void doesNotTakeACompanyAfterATitleForAPerson() {
        List<Entity> entities = recognize("Tập đoàn Sakura Industries đầu tư nhà máy. Ông Kenji Watanabe, Tổng Giám đốc "
                + "Sakura Industries tại Việt Nam, cho biết.");

        assertThat(entities).extracting(Entity::id).contains("per:kenji-watanabe", "org:tap-doan-sakura-industries")
                .noneMatch(id -> id.equals("per:sakura-industries"));
    }

    @Test
    void readsAnUnaccentedSurnameInEnglishAsASurnameNotAsAParty() {
        List<Entity> entities = recognize("Deputy General Director Dang Anh Tuan said the route would open in December.");

        assertThat(entities).extracting(Entity::id, Entity::type).containsExactly(tuple("per:dang-anh-tuan", EntityType.PERSON));
    }

    @Test
    void findsAFullVietnameseNameAfterAnEnglishTitleInCapitals() {
        List<Entity> entities = recognize("Minister of Science and Technology Nguyen Manh Cuong said the law was ready.");

        assertThat(entities).extracting(Entity::id).contains("per:nguyen-manh-cuong");
    }

    @Test
    void namesAForeignCountrysMinistryApartFromTheVietnameseOne() {
        List<Entity> entities = recognize("Thứ trưởng Bộ Công Thương Lào gặp đại diện Bộ Công Thương và Bộ Y tế Việt Nam.");

        assertThat(entities).extracting(Entity::id).containsExactlyInAnyOrder("org:bo-cong-thuong-lao", "loc:lao",
                "org:bo-cong-thuong", "org:bo-y-te", "loc:viet-nam");
    }

    @Test
    void readsTheFrontOfAPlaceWhenAPlaceFollowsAndTheNationalFrontOtherwise() {
        List<Entity> local = recognize("Đại diện Ủy ban MTTQ Việt Nam TP Hà Nội phát biểu.");
        List<Entity> national = recognize("Ủy ban MTTQ Việt Nam phát động cuộc vận động mới.");

        assertThat(local).extracting(Entity::id).containsExactlyInAnyOrder("org:mttq-dia-phuong-ha-noi", "loc:ha-noi");
        assertThat(national).extracting(Entity::id).containsExactly("org:mttq-viet-nam");
    }

    @Test
    void readsAWardNamedAfterAPersonAsAPlaceAlsoAsTheSecondOfAList() {
        List<Entity> entities = recognize("Ca bệnh tập trung ở các phường Định Công và Hoàng Liệt, theo ông Trần Văn Nam.");

        assertThat(entities).extracting(Entity::id, Entity::type).containsExactlyInAnyOrder(
                tuple("loc:dinh-cong", EntityType.LOCATION), tuple("loc:hoang-liet", EntityType.LOCATION),
                tuple("per:tran-van-nam", EntityType.PERSON));
    }

    @Test
    void takesTheNameAfterATitleWhosePostIsNamedWithItsPlace() {
        List<Entity> entities = recognize("Đại sứ Hàn Quốc tại Việt Nam Park Sung-min phát biểu.");

        assertThat(entities).extracting(Entity::id)
                .containsExactlyInAnyOrder("per:park-sung-min", "loc:han-quoc", "loc:viet-nam");
    }

    @Test
    void findsAnEnglishDistrictWhoseNameFoldsToAVietnameseStopword() {
        List<Entity> entities = recognize("The centre opened in Hanoi's Tay Ho District on Monday.");

        assertThat(entities).extracting(Entity::id).containsExactlyInAnyOrder("loc:ha-noi", "loc:tay-ho");
    }

    @Test
    void namesTheProvincialCourtInBothLanguagesAlike() {
        List<Entity> vietnamese = recognize("TAND TP.HCM mở phiên xử; VKSND TP.HCM giữ quyền công tố.");
        List<Entity> english = recognize("The Ho Chi Minh City People's Court began the trial.");

        assertThat(vietnamese).extracting(Entity::id).containsExactlyInAnyOrder("org:tand-ho-chi-minh-city",
                "org:vksnd-ho-chi-minh-city", "loc:ho-chi-minh-city");
        assertThat(english).extracting(Entity::id).containsExactlyInAnyOrder("org:tand-ho-chi-minh-city", "loc:ho-chi-minh-city");
    }

    @Test
    void takesABridgeNamedAfterAPersonForThePlaceWithItsKindInTheName() {
        List<Entity> vietnamese = recognize("Xe tải không được đi qua cầu Trần Thị Lý từ tối nay.");
        List<Entity> english = recognize("Trucks may not cross Tran Thi Ly Bridge from tonight.");

        assertThat(vietnamese).extracting(Entity::id, Entity::type)
                .containsExactly(tuple("loc:cau-tran-thi-ly", EntityType.LOCATION));
        assertThat(english).extracting(Entity::id, Entity::type)
                .containsExactly(tuple("loc:cau-tran-thi-ly", EntityType.LOCATION));
    }

    @Test
    void takesAStreetNamedAfterAPersonForTheStreetEvenWhereTheArticleRepeatsTheNameAlone() {
        List<Entity> vietnamese = recognize("Hội chợ sách mở trên đường Nguyễn Huệ. Phố đi bộ Nguyễn Huệ đông khách suốt tuần.");
        List<Entity> street = recognize("Quán cà phê mới khai trương trên phố Lê Lợi.");
        List<Entity> english = recognize("A book fair opened on Nguyen Hue Street on Friday.");

        assertThat(vietnamese).extracting(Entity::id, Entity::type).containsExactly(tuple("loc:nguyen-hue", EntityType.LOCATION));
        assertThat(street).extracting(Entity::id, Entity::type).containsExactly(tuple("loc:le-loi", EntityType.LOCATION));
        assertThat(english).extracting(Entity::id, Entity::type).containsExactly(tuple("loc:nguyen-hue", EntityType.LOCATION));
    }

    @Test
    void letsAPlaceTakeTheNameOfAKnownPersonWithoutMentioningThePerson() {
        List<Entity> road = recognize("Đoạn đường Hồ Chí Minh qua huyện miền núi được mở rộng.");
        List<Entity> mausoleum = recognize("Đoàn đại biểu vào lăng Chủ tịch Hồ Chí Minh trước khi khai mạc hội nghị.");

        assertThat(road).extracting(Entity::type).doesNotContain(EntityType.PERSON);
        assertThat(road).extracting(Entity::id).contains("loc:ho-chi-minh").doesNotContain("per:ho-chi-minh");
        assertThat(mausoleum).extracting(Entity::id).containsExactly("loc:lang-chu-tich-ho-chi-minh");
    }

    @Test
    void takesASchoolNamedAfterAPersonForAnOrganisation() {
        List<Entity> full = recognize("Học sinh Trường THPT Lê Quý Đôn giành hai huy chương vàng.");
        List<Entity> english = recognize("Students of Le Quy Don High School won two gold medals.");
        List<Entity> shortForm = recognize("Các em học sinh trường Lê Quý Đôn tham gia ngày hội.");

        assertThat(full).extracting(Entity::id, Entity::type)
                .containsExactly(tuple("org:truong-thpt-le-quy-don", EntityType.ORGANIZATION));
        assertThat(english).extracting(Entity::id, Entity::type)
                .containsExactly(tuple("org:truong-thpt-le-quy-don", EntityType.ORGANIZATION));
        assertThat(shortForm).extracting(Entity::type).containsExactly(EntityType.ORGANIZATION);
    }

    @Test
    void keepsAKindWordThatIsPartOfAnotherWordOutOfPlaceNames() {
        List<Entity> entities = recognize("Bà Lan yêu cầu Nguyễn Văn Bình giải trình về nhu cầu vốn.");

        assertThat(entities).extracting(Entity::id, Entity::type).contains(tuple("per:nguyen-van-binh", EntityType.PERSON));
        assertThat(entities).extracting(Entity::id).noneMatch(id -> id.startsWith("loc:"));
    }

    @Test
    void recognisesOrganisationNamesWrittenWithAnAmpersandWhole() {
        List<Entity> unit = recognize("Trung tâm R&D Viettel vừa công bố mẫu chip mới.");
        List<Entity> firms = recognize("She audited banks for Ernst & Young before she joined AT&T.");
        List<Entity> field = recognize("Ngân sách cho R&D và M&A của công ty tăng gấp đôi.");

        assertThat(unit).extracting(Entity::id).containsExactly("org:trung-tam-r-d-viettel");
        assertThat(unit).extracting(Entity::name).containsExactly("Trung tâm R&D Viettel");
        assertThat(firms).extracting(Entity::name, Entity::type).containsExactlyInAnyOrder(
                tuple("Ernst & Young", EntityType.ORGANIZATION), tuple("AT&T", EntityType.ORGANIZATION));
        assertThat(field).isEmpty();
    }

    @Test
    void keepsAKnownPlaceInsideTheNameOfAStreetBridgeOrSchool() {
        List<Entity> street = recognize("Xe cứu hỏa phải vào đường Điện Biên Phủ từ phía bờ hồ.");
        List<Entity> bridge = recognize("Dòng người đi bộ kéo dài tới cầu Trường Tiền.");
        List<Entity> school = recognize("Đội tuyển Trường THPT Nguyễn Trãi Hải Phòng vào vòng chung kết.");

        assertThat(street).extracting(Entity::id, Entity::type).containsExactly(tuple("loc:dien-bien-phu", EntityType.LOCATION));
        assertThat(bridge).extracting(Entity::id, Entity::type).containsExactly(tuple("loc:cau-truong-tien", EntityType.LOCATION));
        assertThat(school).extracting(Entity::id).containsExactly("org:truong-thpt-nguyen-trai-hai-phong");
    }

    @Test
    void doesNotTakeAPlaceKindInsideALongerEnglishName() {
        List<Entity> park = recognize("Engineers at the Saigon Hi-Tech Park designed the chip.");

        List<Entity> newspaper = recognize("The Wall Street Journal reported the deal on Monday.");

        assertThat(park).extracting(Entity::id).noneMatch(id -> id.startsWith("loc:cong-vien"));
        assertThat(newspaper).extracting(Entity::type).doesNotContain(EntityType.LOCATION);
    }

    private List<Entity> recognize(String body) {
        return recognizer.recognize(new ExtractedArticle(null, null, List.of(body), null, null, null, "vi", List.of()), 50);
    }
}
