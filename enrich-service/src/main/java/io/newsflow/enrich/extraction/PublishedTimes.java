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
        OffsetDateTime common = commonIsoShape(value);
        if (common != null) {
            return Optional.of(common);
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

    /**
     * {@code 2024-09-12T09:30:00+07:00}, {@code 2024-09-12T02:40Z}: the shape almost every page and partner
     * writes, read without the general ISO parser (which builds a map of fields for each value). The
     * same value {@link OffsetDateTime#parse} gives; null for any other shape or an impossible value,
     * which the general parser then reads or rejects as before.
     */
    private static OffsetDateTime commonIsoShape(String value) {
        int length = value.length();
        boolean seconds = length > 19 && value.charAt(16) == ':';
        int offsetAt = seconds ? 19 : 16;
        boolean utc = length == offsetAt + 1 && value.charAt(offsetAt) == 'Z';
        boolean numericOffset = length == offsetAt + 6 && (value.charAt(offsetAt) == '+' || value.charAt(offsetAt) == '-')
                && value.charAt(offsetAt + 3) == ':';
        if (!(utc || numericOffset) || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        int second = seconds ? digits(value, 17, 2) : 0;
        int offsetHours = numericOffset ? digits(value, offsetAt + 1, 2) : 0;
        int offsetMinutes = numericOffset ? digits(value, offsetAt + 4, 2) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || offsetHours < 0 || offsetMinutes < 0) {
            return null;
        }
        int sign = numericOffset && value.charAt(offsetAt) == '-' ? -1 : 1;
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                    ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The number written with {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String value, int from, int count) {
        int number = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
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
