package io.newsflow.search.query;

import io.newsflow.search.config.SearchProperties;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns the query parameters of {@code GET /api/v1/search} into a {@link SearchRequest}, collecting every field error. */
final class SearchRequestParser {

    private final SearchProperties properties;
    private final ZoneId zone;

    SearchRequestParser(SearchProperties properties) {
        this.properties = properties;
        this.zone = ZoneId.of(properties.zone());
    }

    /** The request, or the field errors ({@code field} → message) that make it invalid. */
    Result parse(Map<String, List<String>> parameters) {
        Map<String, String> errors = new LinkedHashMap<>();
        String q = first(parameters, "q");
        if (q != null && q.length() > properties.maxQueryLength()) {
            errors.put("q", "must be at most " + properties.maxQueryLength() + " characters");
        }
        if (q != null && q.isBlank()) {
            q = null;
        }
        Long from = instant(first(parameters, "from"), false, "from", errors);
        Long to = instant(first(parameters, "to"), true, "to", errors);
        if (from != null && to != null && from >= to) {
            errors.put("to", "must be after from");
        }
        String sort = first(parameters, "sort");
        boolean newest = false;
        if (sort != null && !sort.isBlank()) {
            switch (sort) {
                case "relevance" -> newest = false;
                case "newest" -> newest = true;
                default -> errors.put("sort", "must be relevance or newest");
            }
        }
        if (q == null) {
            // without text there is no relevance: newest first
            newest = true;
        }
        int limit = properties.defaultLimit();
        String limitText = first(parameters, "limit");
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.strip());
                if (limit < 1) {
                    errors.put("limit", "must be at least 1");
                }
                limit = Math.min(limit, properties.maxLimit());
            } catch (NumberFormatException e) {
                errors.put("limit", "must be a whole number");
            }
        }
        SearchRequest.Cursor cursor = null;
        String cursorText = first(parameters, "cursor");
        if (cursorText != null && !cursorText.isBlank()) {
            cursor = decodeCursor(cursorText.strip());
            if (cursor == null) {
                errors.put("cursor", "is not a cursor this service issued");
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new SearchRequest(q, all(parameters, "entity"), all(parameters, "tag"), all(parameters, "topic"),
                all(parameters, "source"), all(parameters, "lang"), from, to, newest, limit, cursor), Map.of());
    }

    static String encodeCursor(SearchRequest.Cursor cursor) {
        String text = Integer.toHexString(Float.floatToIntBits(cursor.score())) + "|" + cursor.published() + "|" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static SearchRequest.Cursor decodeCursor(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                return null;
            }
            return new SearchRequest.Cursor(Float.intBitsToFloat(Integer.parseUnsignedInt(parts[0], 16)),
                    Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** ISO date (a whole day in the newsroom's zone) or ISO date-time with offset or Z. */
    private Long instant(String text, boolean endOfDay, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException notDateTime) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException notInstant) {
                try {
                    LocalDate day = LocalDate.parse(value);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant().toEpochMilli();
                } catch (DateTimeParseException notDate) {
                    errors.put(field, "must be an ISO-8601 date or date-time, e.g. 2024-06-03 or 2024-06-03T08:15:00+07:00");
                    return null;
                }
            }
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every non-blank value; comma-separated lists are accepted too. */
    private static List<String> all(Map<String, List<String>> parameters, String name) {
        List<String> values = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values.stream().filter(Objects::nonNull).distinct().toList();
    }

    record Result(SearchRequest request, Map<String, String> errors) {
    }
}
