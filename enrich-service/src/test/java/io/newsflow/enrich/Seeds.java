package io.newsflow.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.newsflow.contract.RawArticle;

/**
 * The two real seed pages, read from {@code shared/seeds} beside the repository (found by walking up
 * from the working directory). Their text is never copied into the repository.
 */
public final class Seeds {

    public static final String CITY_VISIT = "000_";
    public static final String MAGAZINE_VISIT = "004_";

    private Seeds() {
    }

    public static String text(String prefix) {
        Path directory = directory();
        try (Stream<Path> files = Files.list(directory)) {
            Path seed = files.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed " + prefix + "* in " + directory));
            return Files.readString(seed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawArticle raw(String prefix) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, null, 0, "2022-05-26T10:05:00Z", "vov.vn", null, null,
                null, null, null, text(prefix), null, null, null);
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("shared").resolve("seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
        }
        throw new IllegalStateException("shared/seeds not found above " + Path.of("").toAbsolutePath());
    }
}
