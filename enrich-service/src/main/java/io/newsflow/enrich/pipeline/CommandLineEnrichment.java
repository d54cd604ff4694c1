package io.newsflow.enrich.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.RawArticle;
import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.extraction.ArticleExtractor;
import io.newsflow.enrich.related.StoryLinks;
import io.newsflow.enrich.tags.Tagger;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar enrich-service.jar --newsflow.enrich.cli-file=PAGE} prints the enriched JSON of one
 * page and exits, without Kafka or Spring: partners see what they will get. The file may be a raw
 * article as JSON ({@code .json}), an HTML page or a plain-text page.
 */
public final class CommandLineEnrichment {

    public static final String ARGUMENT = "--newsflow.enrich.cli-file=";

    private CommandLineEnrichment() {
    }

    /** The file to enrich when the arguments ask for the command line, else empty. */
    public static Optional<Path> requestedFile(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(ARGUMENT) && arg.length() > ARGUMENT.length()) {
                return Optional.of(Path.of(arg.substring(ARGUMENT.length())));
            }
        }
        return Optional.empty();
    }

    public static void run(Path file, PrintStream out) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        RawArticle raw = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? json.readValue(content, RawArticle.class)
                : new RawArticle(RawArticle.SCHEMA_VERSION, null, 0, null, null, null, null, null, null,
                        looksLikeHtml(content) ? content : null, looksLikeHtml(content) ? null : content, null, null, null);
        Instant now = Instant.now();
        String id = raw.id() == null || raw.id().isBlank() ? ArticleIds.of(raw) : raw.id();
        long revision = raw.revision() > 0 ? raw.revision() : now.toEpochMilli();
        EnrichProperties defaults = new EnrichProperties(ZoneId.of("Asia/Ho_Chi_Minh"), 30, 40, 15, "articleStatus",
                Duration.ofDays(30), 10, Duration.ofSeconds(10), file.toString());
        // no store of earlier articles here: nothing related, the page is its own story
        ArticleEnrichment enrichment = new ArticleEnrichment(
                new ArticleExtractor(defaults.defaultZone(), defaults.maxHeadlineHints()),
                EntityRecognizer.withDefaults(), Tagger.withDefaults(), StoryLinks.none(), defaults);
        EnrichedArticle enriched = enrichment.enrich(raw.identified(id, revision), now);
        out.println(json.writeValueAsString(enriched));
    }

    private static boolean looksLikeHtml(String content) {
        String start = content.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<");
    }
}
