package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One line {@code <name> <pid>} per running child. Kafka and Mongo exit with their launcher, but the
 * Spring services cannot watch it: when the launcher is killed with SIGKILL they keep running, and the
 * next {@code up} finds them here, by PID, instead of failing on busy ports without a hint.
 */
final class PidFile {

    record Entry(String name, long pid) {
    }

    private static final String MARKER_PROPERTY = "newsflow.stack.child";

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    void write(List<ChildProcess> children) {
        List<String> lines = children.stream().map(child -> child.name() + " " + child.pid()).toList();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The listed children that still run and are still the process that was started (PIDs get reused). */
    List<Entry> stillRunning() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Entry> running = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && parts[1].matches("\\d+")) {
                    Entry entry = new Entry(parts[0], Long.parseLong(parts[1]));
                    if (process(entry).isPresent()) {
                        running.add(entry);
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return running;
    }

    /** Stops what still runs, last started first: SIGTERM, wait, then SIGKILL. Returns what was stopped. */
    List<Entry> stopAll(Duration timeout) {
        List<Entry> running = new ArrayList<>(stillRunning());
        Collections.reverse(running);
        for (Entry entry : running) {
            process(entry).ifPresent(process -> stop(process, timeout));
        }
        delete();
        return running;
    }

    /**
     * A system property early on each child's command line that names it: the JDK shows only the first
     * 4 KiB of a command line, and the classpath alone is longer.
     */
    static String marker(String name) {
        return "-D" + MARKER_PROPERTY + "=" + name;
    }

    private static Optional<ProcessHandle> process(Entry entry) {
        String marker = marker(entry.name());
        return ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(command -> command.contains(marker + " ")).orElse(false));
    }

    private static void stop(ProcessHandle process, Duration timeout) {
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            process.destroyForcibly();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
