package io.newsflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka limits the services use, read from the contract's {@code newsflow-defaults.yml}, so the
 * embedded broker accepts exactly what the services' producers may send (one source of truth).
 */
record SharedDefaults(int maxMessageBytes, int partitions) {

    private static final String RESOURCE = "newsflow-defaults.yml";

    static SharedDefaults load() {
        try (InputStream in = SharedDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (the contract module provides it)");
            }
            Map<String, Object> root = new Yaml().load(in);
            Map<?, ?> kafka = (Map<?, ?>) ((Map<?, ?>) root.get("newsflow")).get("kafka");
            return new SharedDefaults(number(kafka, "max-message-bytes"), number(kafka, "partitions"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int number(Map<?, ?> section, String key) {
        Object value = section.get(key);
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw new IllegalStateException("newsflow.kafka." + key + " in " + RESOURCE + " is not a number: " + value);
    }
}
