package io.newsflow.enrich.extraction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Published times as news pages write them: ISO-8601, {@code 17:02 | 26/05/2022 GMT+7},
 * {@code 26/05/2022 17:02}, {@code Thứ Năm, 26/5/2022}, {@code 26-5-2022}. A time without an offset
 * is read in the outlet's zone (Asia/Ho_Chi_Minh by default). Output is ISO-8601 with the offset
 * and seconds, e.g. {@code 2022-05-26T17:02:00+07:00}.
 */
public final class PublishedTimes {

    /** The wire format: always seconds and an offset, so that every consumer can parse it alike. */
    public static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<!\\d)(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?!\\d)");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(?<!\\d)(\\d{4})[/\\-](\\d{1,2})[/\\-](\\d{1,2})(?![\\d:])");
    private static final Pattern TIME = Pattern.compile("(?<![\\d/.\\-])(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?(?![\\d/])");
    private static final Pattern ISO_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern OFFSET = Pattern.compile("(?:GMT|UTC)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?");

    private final ZoneId defaultZone;

    public PublishedTimes(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    /** The published time written in {@code text}, formatted for the wire, if there is one. */
    public Optional<String> parse(String text) {
        return parseDateTime(text).map(WIRE::format);
    }

    Optional<OffsetDateTime> parseDateTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        Optional<OffsetDateTime> iso = parseIso(value);
        if (iso.isPresent()) {
            return iso;
        }
        LocalDate date = findDate(value);
        if (date == null) {
            return Optional.empty();
        }
        LocalTime time = findTime(value);
        LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
        ZoneOffset offset = findOffset(value);
        return Optional.of(offset != null ? local.atOffset(offset) : local.atZone(defaultZone).toOffsetDateTime());
    }

    private Optional<OffsetDateTime> parseIso(String value) {
        // parsing by exception is slow: only values shaped like ISO dates are tried
        if (!ISO_START.matcher(value).lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException notOffset) {
            // fall through to the other ISO shapes
        }
        try {
            return Optional.of(Instant.parse(value).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException notInstant) {
            // fall through
        }
        try {
            return Optional.of(LocalDateTime.parse(value).atZone(defaultZone).toOffsetDateTime());
        } catch (DateTimeParseException notLocal) {
            return Optional.empty();
        }
    }

    private static LocalDate findDate(String value) {
        Matcher dayFirst = DAY_MONTH_YEAR.matcher(value);
        if (dayFirst.find()) {
            return date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1));
        }
        Matcher yearFirst = YEAR_MONTH_DAY.matcher(value);
        if (yearFirst.find()) {
            return date(yearFirst.group(1), yearFirst.group(2), yearFirst.group(3));
        }
        return null;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static LocalTime findTime(String value) {
        Matcher time = TIME.matcher(value);
        while (time.find()) {
            int hour = Integer.parseInt(time.group(1));
            int minute = Integer.parseInt(time.group(2));
            int second = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
            if (hour < 24 && minute < 60 && second < 60) {
                return LocalTime.of(hour, minute, second);
            }
        }
        return null;
    }

    private static ZoneOffset findOffset(String value) {
        Matcher offset = OFFSET.matcher(value);
        if (!offset.find()) {
            return null;
        }
        int sign = offset.group(1).equals("+") ? 1 : -1;
        int hours = Integer.parseInt(offset.group(2));
        int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException impossible) {
            return null;
        }
    }
}
