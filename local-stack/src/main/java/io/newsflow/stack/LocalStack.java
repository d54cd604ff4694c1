package io.newsflow.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The whole platform on one machine, as child JVMs started in dependency order: a real Kafka broker
 * (KRaft), the MongoDB-wire store on disk, then ingest, enrich, search and the gateway. Each child is
 * waited on until it is ready (Kafka answers a cluster description, Mongo accepts connections, a
 * service's {@code /actuator/health} is UP) before the next one starts, because five JVMs starting at
 * once on two cores all start slower. {@link #close()} stops them in reverse order, by PID.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackSettings.defaults(repoRoot))) {
 *     String gateway = stack.gatewayUrl();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    static final String KAFKA = "kafka";
    static final String MONGO = "mongo";
    private static final int LOG_TAIL_LINES = 40;

    private final StackSettings settings;
    private final PidFile pidFile;
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    private volatile boolean closing;
    private Duration startupTime = Duration.ZERO;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.pidFile = new PidFile(settings.pidFile());
    }

    /** Starts every child and returns once all are ready; on failure stops what was started and throws. */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = create(settings);
        stack.startAll(line -> { });
        return stack;
    }

    /**
     * A stack that has not started yet: lets the caller register a shutdown hook on {@link #close()}
     * before {@link #startAll(Consumer)}, so that Ctrl-C during a slow start stops what already runs.
     */
    public static LocalStack create(StackSettings settings) {
        return new LocalStack(settings);
    }

    /** Starts the children in order, reporting each step; on failure stops what was started and throws. */
    public void startAll(Consumer<String> progress) {
        try {
            startInOrder(progress);
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    private void startInOrder(Consumer<String> progress) {
        List<Integer> ports = new ArrayList<>(List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.mongoPort()));
        if (settings.startServices()) {
            StackSettings.SERVICE_ORDER.forEach(module -> ports.add(settings.servicePorts().get(module)));
        }
        List<PidFile.Entry> leftOver = pidFile.stillRunning();
        if (!leftOver.isEmpty()) {
            throw new IllegalStateException("A newsflow stack from an earlier start is still running " + leftOver
                    + "; stop it with ./newsflow stop");
        }
        // A port held by another process would make a readiness check talk to the wrong process.
        List<Integer> busy = ports.stream().filter(port -> !isFree(port)).toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use on 127.0.0.1: " + busy + " (is another newsflow stack running?)");
        }
        if (settings.startServices()) {
            List<Path> missing = StackSettings.SERVICE_ORDER.stream().map(settings::serviceJar).filter(jar -> !Files.isRegularFile(jar)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Service jars are missing (build them with ./mvnw -DskipTests package): " + missing);
            }
        }
        long started = System.nanoTime();
        progress.accept("starting kafka on " + settings.kafkaBootstrapServers());
        startAndAwait(KAFKA, infrastructureCommand("-Xmx384m", KAFKA, settings.dataDir().resolve("kafka").toString(),
                Integer.toString(settings.kafkaPort()), Integer.toString(settings.kafkaControllerPort())),
                () -> Readiness.kafkaAnswers(settings.kafkaBootstrapServers(), settings.kafkaPort()));
        progress.accept("starting mongo on " + settings.mongoUri());
        startAndAwait(MONGO, infrastructureCommand("-Xmx256m", MONGO, settings.dataDir().resolve("mongo").toString(),
                Integer.toString(settings.mongoPort())),
                () -> Readiness.acceptsTcp(settings.mongoPort()));
        if (settings.startServices()) {
            for (String module : StackSettings.SERVICE_ORDER) {
                String url = settings.serviceUrl(module);
                progress.accept("starting " + module + " on " + url);
                startAndAwait(module, serviceCommand(module), () -> Readiness.healthUp(url));
            }
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private void startAndAwait(String name, List<String> command, BooleanSupplier ready) {
        ChildProcess child;
        // Spawning and close() share the lock, so no child can be spawned after close() stopped the others.
        synchronized (this) {
            if (closing) {
                throw new IllegalStateException("The stack is stopping; not starting " + name);
            }
            child = ChildProcess.start(name, command, settings.repoRoot(), settings.logDir().resolve(name + ".log"));
            children.add(child);
            pidFile.write(children);
        }
        try {
            Readiness.await(name, settings.startupTimeout(), child::isAlive, ready);
        }
        catch (IllegalStateException ex) {
            throw new IllegalStateException(ex.getMessage() + "; last lines of " + child.logFile() + ":"
                    + System.lineSeparator() + child.logTail(LOG_TAIL_LINES), ex);
        }
        child.markReady();
    }

    /** Kafka and Mongo run from this JVM's classpath, through the launcher's own sub-commands. */
    private List<String> infrastructureCommand(String heap, String subCommand, String... arguments) {
        // A small initial heap: on a big machine the JVM would otherwise commit 1/64 of RAM up front.
        List<String> command = new ArrayList<>(List.of(settings.javaCommand(), "-Xms32m", heap, "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", PidFile.marker(subCommand), "-D" + ParentWatch.PROPERTY + "=true", "-Dnewsflow.stack.log-level=INFO",
                "-cp", settings.classPath(), NewsflowStack.class.getName(), subCommand));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * The same flags for every service, plus what only that service needs. The JIT is left whole:
     * stopping at C1 starts a service a little sooner but makes every search, page and message
     * after that a few times dearer. Reactor Netty runs at least four event loops per service
     * whatever the cores; with four services on one small machine the extra loops only queue for
     * the same cores, so each service gets one loop per core (two gateways taking turns in front
     * of one search-service on two cores: p99 at 32 readers 21 ms against 25 ms, mean of five rounds).
     */
    List<String> serviceCommand(String module) {
        List<String> command = new ArrayList<>(List.of(settings.javaCommand(), "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Dreactor.netty.ioWorkerCount=" + Runtime.getRuntime().availableProcessors(),
                PidFile.marker(module),
                "-jar", settings.serviceJar(module).toString(),
                "--server.port=" + settings.servicePorts().get(module),
                "--newsflow.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers(),
                "--newsflow.mongodb.uri=" + settings.mongoUri()));
        switch (module) {
            case StackSettings.SEARCH -> command.add("--newsflow.search.index-path=" + settings.searchIndexDir());
            case StackSettings.GATEWAY -> {
                command.add("--newsflow.gateway.ingest-uri=" + settings.serviceUrl(StackSettings.INGEST));
                command.add("--newsflow.gateway.search-uri=" + settings.serviceUrl(StackSettings.SEARCH));
            }
            default -> {
                // ingest and enrich need only the shared settings
            }
        }
        command.addAll(settings.extraServiceArguments().getOrDefault(module, List.of()));
        return command;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    public StackSettings settings() {
        return settings;
    }

    /** The children in start order. */
    public List<ChildProcess> children() {
        return Collections.unmodifiableList(children);
    }

    /** Time from the first spawn until the last child was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    public String gatewayUrl() {
        return settings.serviceUrl(StackSettings.GATEWAY);
    }

    public String serviceUrl(String module) {
        return settings.serviceUrl(module);
    }

    public String kafkaBootstrapServers() {
        return settings.kafkaBootstrapServers();
    }

    public String mongoUri() {
        return settings.mongoUri();
    }

    /** Completes with the first child that exits while the stack is not being closed (a crash). */
    public CompletableFuture<ChildProcess> unexpectedExit() {
        CompletableFuture<ChildProcess> crashed = new CompletableFuture<>();
        for (ChildProcess child : children) {
            child.process().onExit().thenRun(() -> {
                if (!closing) {
                    crashed.complete(child);
                }
            });
        }
        return crashed;
    }

    /** Stops the children in reverse start order: SIGTERM, wait, then SIGKILL after the stop timeout. */
    @Override
    public synchronized void close() {
        closing = true;
        List<ChildProcess> reversed = new ArrayList<>(children);
        Collections.reverse(reversed);
        for (ChildProcess child : reversed) {
            child.stop(settings.stopTimeout());
        }
        // Only this stack's own list: a failed start must not forget the children of an earlier one.
        if (!children.isEmpty() && children.stream().noneMatch(ChildProcess::isAlive)) {
            pidFile.delete();
        }
    }
}
