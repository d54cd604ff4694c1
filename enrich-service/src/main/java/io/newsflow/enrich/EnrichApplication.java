package io.newsflow.enrich;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.newsflow.enrich.pipeline.CommandLineEnrichment;

/**
 * Turns raw articles into enriched ones: clean text, entities, tags and topics. With
 * {@code --newsflow.enrich.cli-file=PAGE} it enriches that one page, prints the JSON and exits
 * without starting Spring or touching Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichApplication {

    public static void main(String[] args) throws IOException {
        Optional<Path> page = CommandLineEnrichment.requestedFile(args);
        if (page.isPresent()) {
            CommandLineEnrichment.run(page.get(), System.out);
            return;
        }
        SpringApplication.run(EnrichApplication.class, args);
    }
}
