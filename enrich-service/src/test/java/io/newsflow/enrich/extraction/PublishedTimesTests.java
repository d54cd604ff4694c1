package io.newsflow.enrich.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishedTimesTests {

    private final PublishedTimes times = new PublishedTimes(ZoneId.of("Asia/Ho_Chi_Minh"));

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "17:02 | 26/05/2022 GMT+7; 2022-05-26T17:02:00+07:00",
            "26/05/2022 17:02; 2022-05-26T17:02:00+07:00",
            "Thứ Năm, 26/5/2022; 2022-05-26T00:00:00+07:00",
            "26-5-2022; 2022-05-26T00:00:00+07:00",
            "2022-05-26T17:02:00+07:00; 2022-05-26T17:02:00+07:00",
            "2022-05-26T10:02:00Z; 2022-05-26T10:02:00Z",
            "2022-05-26T17:02; 2022-05-26T17:02:00+07:00",
            "Thứ Năm, 26/5/2022, 08:15 (GMT+7); 2022-05-26T08:15:00+07:00",
            "26/05/2022 09:30 GMT+9; 2022-05-26T09:30:00+09:00",
            "2022-05-26; 2022-05-26T00:00:00+07:00"})
    void readsTheFormatsNewsPagesUse(String written, String expected) {
        assertThat(times.parse(written)).contains(expected);
    }

    /** The common ISO shapes are read without the general parser: the same instant as the general parser gives. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"2024-09-12T09:30:00+07:00", "2024-09-12T02:40:00Z", "2024-09-12T02:40Z",
            "2024-02-29T23:59:59-05:30", "2024-09-12T09:30:00-00:00", "2024-09-12T09:30:00.250+07:00",
            "2024-09-12t09:30:00+07:00", "2023-02-29T10:00:00+07:00"})
    void readsIsoTimesAsTheGeneralIsoParserDoes(String written) {
        String expected;
        try {
            expected = PublishedTimes.WIRE.format(java.time.OffsetDateTime.parse(written));
        } catch (java.time.format.DateTimeParseException notOffsetDateTime) {
            expected = null;
        }
        if (expected != null) {
            assertThat(times.parse(written)).contains(expected);
        } else {
            assertThat(times.parse(written)).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"sáng 26/5 tại Hà Nội", "31/02/2022", "không có ngày"})
    void findsNoTimeWhereThereIsNoFullDate(String written) {
        assertThat(times.parse(written)).isEmpty();
    }
}
