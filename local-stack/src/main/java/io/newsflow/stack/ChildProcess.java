package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One child JVM of the stack: started with its output appended to its own log file, stopped by PID with
 * SIGTERM first (so Kafka and the Spring services shut down cleanly and the MVStore is flushed), then
 * killed if it does not stop in time.
 */
public final class ChildProcess {

    /**
     * Ctrl-C in a terminal signals the whole foreground process group. Children started in their own
     * session (setsid execs in place, so the PID stays the child's) do not get it, and the launcher stops
     * them in reverse order instead of all at once. Where setsid is missing they still stop cleanly, only
     * together.
     */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long startedAtNanos;
    private volatile Duration startupTime;

    private ChildProcess(String name, Process process, Path logFile, long startedAtNanos) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.startedAtNanos = startedAtNanos;
    }

    static ChildProcess start(String name, List<String> command, Path workingDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "# " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
            List<String> detached = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                detached.add(SETSID.toString());
            }
            detached.addAll(command);
            Process process = new ProcessBuilder(detached)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ChildProcess(name, process, logFile, System.nanoTime());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + name, ex);
        }
    }

    void markReady() {
        startupTime = Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Time from spawn to ready; null while not ready yet. */
    public Duration startupTime() {
        return startupTime;
    }

    Process process() {
        return process;
    }

    /** Resident memory in kB from {@code /proc/<pid>/status}, empty where /proc is not available. */
    public OptionalLong residentKilobytes() {
        try {
            Matcher matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid()), "status")));
            return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
        }
        catch (IOException | RuntimeException ex) {
            return OptionalLong.empty();
        }
    }

    /**
     * The last lines of the child's log, to show why it failed. Stack frames are left out: a Spring
     * service failing a health check repeats one exception, and its frames would push its message out.
     */
    public String logTail(int lines) {
        try {
            List<String> messages = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.stripLeading().startsWith("at ") && !line.stripLeading().startsWith("... "))
                    .toList();
            return String.join(System.lineSeparator(), messages.subList(Math.max(0, messages.size() - lines), messages.size()));
        }
        catch (IOException | UncheckedIOException ex) {
            return "(no log at " + logFile + ")";
        }
    }

    /** SIGTERM, wait up to {@code timeout}, then SIGKILL. Returns true when the child stopped by itself. */
    boolean stop(Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
