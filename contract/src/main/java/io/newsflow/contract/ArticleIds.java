package io.newsflow.contract;

import io.newsflow.contract.text.VietnameseText;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable article ids: from the canonical URL when there is one, else from source and the
 * partner's own id, else from the content. The same article sent again gets the same id, so
 * all its versions share one Kafka key and one view document.
 */
public final class ArticleIds {

    private static final int ID_HEX_CHARS = 16;

    private ArticleIds() {
    }

    /** The id of an article given what is known of it; {@code content} is used only without url and partner id. */
    public static String of(String url, String source, String externalId, String content) {
        if (url != null && !url.isBlank()) {
            return digest("url:" + canonicalUrl(url));
        }
        if (source != null && !source.isBlank() && externalId != null && !externalId.isBlank()) {
            return digest("partner:" + VietnameseText.fold(source.strip()) + "\n" + externalId.strip());
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("an article needs a url, a partner id or content to be identified");
        }
        return digest("content:" + VietnameseText.collapseWhitespace(VietnameseText.nfc(content)));
    }

    /** The id of a raw article, from the fields it carries. */
    public static String of(RawArticle article) {
        String content = firstNonBlank(article.html(), article.text(), article.body());
        return of(article.url(), article.source(), article.externalId(), content);
    }

    /**
     * The canonical form of a URL: lower-case scheme and host without {@code www.}, no default
     * port, no fragment, no tracking parameters, no trailing slash.
     */
    public static String canonicalUrl(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null) {
                return trimmed;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean defaultPort = uri.getPort() == -1 || uri.getPort() == 80 || uri.getPort() == 443;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(parameter -> !isTracking(parameter))
                    .sorted()
                    .collect(Collectors.joining("&"));
            // http and https of one page are one article
            return (scheme.equals("http") ? "https" : scheme) + "://" + host + (defaultPort ? "" : ":" + uri.getPort())
                    + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.isEmpty() || name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid");
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
