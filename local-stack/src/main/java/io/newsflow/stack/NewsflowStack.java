package io.newsflow.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The local-stack launcher. {@code up} starts the whole platform as child JVMs and stays in the
 * foreground until Ctrl-C; {@code kafka} and {@code mongo} are what those children run; {@code demo}
 * posts sample articles through the gateway.
 */
public final class NewsflowStack {

    private NewsflowStack() {
    }

    public static void main(String[] args) {
        Deque<String> arguments = new ArrayDeque<>(Arrays.asList(args));
        String command = arguments.isEmpty() ? "help" : arguments.removeFirst();
        switch (command) {
            case "kafka" -> KafkaNode.run(Path.of(required(arguments, "dataDir")),
                    port(required(arguments, "port")), port(required(arguments, "controllerPort")));
            case "mongo" -> MongoNode.run(Path.of(required(arguments, "dataDir")), port(required(arguments, "port")));
            case "up" -> up(arguments);
            case "demo" -> demo(arguments);
            case "bench-search" -> benchSearch(arguments);
            case "stop" -> stop();
            case "help", "--help", "-h" -> usage(System.out);
            default -> {
                System.err.println("Unknown command: " + command);
                usage(System.err);
                System.exit(2);
            }
        }
    }

    private static void up(Deque<String> arguments) {
        Path repoRoot = StackSettings.findRepoRoot(Path.of(""));
        StackSettings settings = StackSettings.defaults(repoRoot);
        while (!arguments.isEmpty()) {
            String option = arguments.removeFirst();
            switch (option) {
                case "--data" -> settings = settings.withDataDir(Path.of(required(arguments, "--data DIR")).toAbsolutePath(), settings.logDir());
                case "--infra-only" -> settings = settings.withServices(false);
                default -> {
                    System.err.println("Unknown option for up: " + option);
                    usage(System.err);
                    System.exit(2);
                }
            }
        }
        LocalStack stack = LocalStack.create(settings);
        // Ctrl-C (SIGINT) and SIGTERM: stop the children in reverse order, also in the middle of starting.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stack.children().stream().anyMatch(ChildProcess::isAlive)) {
                System.out.println();
                System.out.println("Stopping newsflow (children in reverse order)...");
                stack.close();
                System.out.println("Stopped.");
            }
        }, "newsflow-stop"));
        System.out.println("Starting newsflow from " + repoRoot + " (data in " + settings.dataDir() + ", logs in " + settings.logDir() + ")");
        try {
            stack.startAll(step -> System.out.println("  " + step + " ..."));
        }
        catch (RuntimeException ex) {
            System.err.println("newsflow did not start: " + ex.getMessage());
            System.exit(1);
        }
        printBanner(stack, System.out);
        ChildProcess crashed = stack.unexpectedExit().join();
        System.err.printf("%s (pid %d) exited unexpectedly; last lines of %s:%n%s%n", crashed.name(), crashed.pid(),
                crashed.logFile(), crashed.logTail(40));
        System.exit(1);
    }

    /** Stops, by PID, the children of a launcher that was killed before it could stop them. */
    private static void stop() {
        StackSettings settings = StackSettings.defaults(StackSettings.findRepoRoot(Path.of("")));
        List<PidFile.Entry> stopped = new PidFile(settings.pidFile()).stopAll(settings.stopTimeout());
        if (stopped.isEmpty()) {
            System.out.println("No newsflow child process is running (" + settings.pidFile() + ").");
        }
        stopped.forEach(entry -> System.out.printf("stopped %s (pid %d)%n", entry.name(), entry.pid()));
    }

    private static void demo(Deque<String> arguments) {
        String gateway = "http://127.0.0.1:8080";
        while (!arguments.isEmpty()) {
            String option = arguments.removeFirst();
            if (option.equals("--gateway")) {
                gateway = required(arguments, "--gateway URL");
            }
            else {
                System.err.println("Unknown option for demo: " + option);
                System.exit(2);
            }
        }
        int notIndexed = new Demo(gateway, Duration.ofSeconds(90), System.out).run();
        System.exit(notIndexed == 0 ? 0 : 1);
    }

    private static void benchSearch(Deque<String> arguments) {
        SearchBenchmark.Options defaults = SearchBenchmark.Options.defaults();
        int articles = defaults.articles();
        int runs = defaults.runs();
        Duration phase = defaults.phase();
        int queryShapes = defaults.queryShapes();
        int liveRate = defaults.liveRate();
        String gateway = defaults.gatewayUrl();
        String search = defaults.searchUrl();
        String kafka = defaults.kafka();
        Duration viewsWait = defaults.viewsTimeout();
        while (!arguments.isEmpty()) {
            String option = arguments.removeFirst();
            switch (option) {
                case "--articles" -> articles = positive(required(arguments, "--articles N"));
                case "--runs" -> runs = positive(required(arguments, "--runs N"));
                case "--seconds" -> phase = Duration.ofSeconds(positive(required(arguments, "--seconds N")));
                case "--query-shapes" -> queryShapes = positive(required(arguments, "--query-shapes N"));
                case "--live-rate" -> liveRate = positive(required(arguments, "--live-rate ARTICLES_PER_SECOND"));
                case "--gateway" -> gateway = required(arguments, "--gateway URL");
                case "--search" -> search = required(arguments, "--search URL");
                case "--kafka" -> kafka = required(arguments, "--kafka HOST:PORT");
                case "--views-wait" -> viewsWait = Duration.ofSeconds(positive(required(arguments, "--views-wait SECONDS")));
                default -> {
                    System.err.println("Unknown option for bench-search: " + option);
                    usage(System.err);
                    System.exit(2);
                }
            }
        }
        SearchBenchmark.Options options = new SearchBenchmark.Options(articles, runs, phase, queryShapes, liveRate, gateway, search, kafka,
                defaults.searchableTimeout(), viewsWait, defaults.seed());
        try {
            System.exit(new SearchBenchmark(options, System.out).run());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
        catch (RuntimeException ex) {
            System.err.println("bench-search failed: " + ex.getMessage());
            System.exit(1);
        }
    }

    private static int positive(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        }
        catch (NumberFormatException ex) {
            System.err.println("Not a positive number: " + value);
            System.exit(2);
            return -1;
        }
    }

    static void printBanner(LocalStack stack, PrintStream out) {
        StackSettings settings = stack.settings();
        String line = "=".repeat(78);
        out.println(line);
        out.printf(Locale.ROOT, " newsflow is up in %.1f s%n", stack.startupTime().toMillis() / 1000.0);
        out.println(line);
        if (settings.startServices()) {
            out.printf(" Gateway (public API)   %s/api/v1/search?q=ha+noi%n", stack.gatewayUrl());
            for (String module : StackSettings.SERVICE_ORDER) {
                String url = settings.serviceUrl(module);
                out.printf(" %-22s %s/actuator/health   %s/actuator/prometheus%n", module, url, url);
            }
        }
        else {
            out.println(" Services not started (--infra-only): run them from your IDE with the settings below.");
        }
        out.printf(" Kafka bootstrap        %s%n", settings.kafkaBootstrapServers());
        out.printf(" MongoDB URI            %s%n", settings.mongoUri());
        out.println();
        out.printf(" Local API keys         partner: X-Api-Key: %s    operator: X-Api-Key: %s%n", Demo.PARTNER_KEY, Demo.OPERATOR_KEY);
        out.println("                        reads (GET) need no key in the local stack");
        out.println();
        out.printf(" %-16s %8s %10s %10s  %s%n", "child", "pid", "ready in", "RSS", "log");
        for (ChildProcess child : stack.children()) {
            out.printf(Locale.ROOT, " %-16s %8d %9.1fs %10s  %s%n", child.name(), child.pid(),
                    child.startupTime() == null ? 0.0 : child.startupTime().toMillis() / 1000.0,
                    child.residentKilobytes().isPresent() ? (child.residentKilobytes().getAsLong() / 1024) + " MB" : "n/a",
                    settings.repoRoot().relativize(child.logFile()));
        }
        long totalKilobytes = stack.children().stream().mapToLong(child -> child.residentKilobytes().orElse(0)).sum();
        out.printf(" %-16s %8s %10s %10s%n", "total", "", "", (totalKilobytes / 1024) + " MB");
        out.println();
        if (settings.startServices()) {
            out.println(" Prometheus (optional): prometheus --config.file=ops/prometheus/prometheus-local.yml \\");
            out.println("                          --storage.tsdb.path=$(mktemp -d) --web.listen-address=127.0.0.1:9090");
        }
        out.println(" Sample articles: ./newsflow demo      Stop: Ctrl-C");
        out.println(line);
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: newsflow <command>

                  up [--data DIR] [--infra-only]   start Kafka, Mongo and the four services; Ctrl-C stops them
                  demo [--gateway URL]             post the sample articles and wait until they are indexed
                  bench-search [--articles 100000] [--runs 3] [--seconds 10] [--query-shapes 1000] [--live-rate 0]
                               [--gateway URL] [--search URL] [--kafka HOST:PORT] [--views-wait 600]
                                                   search latency against a running stack (see README)
                  stop                             stop the children of a launcher that was killed (kill -9)
                  enrich FILE                      run the enrichment of one page file and print the result
                  help                             this text

                Internal (started by 'up' as child processes):
                  kafka <dataDir> <port> <controllerPort>
                  mongo <dataDir> <port>""");
    }

    private static String required(Deque<String> arguments, String name) {
        if (arguments.isEmpty()) {
            System.err.println("Missing " + name);
            usage(System.err);
            System.exit(2);
        }
        return arguments.removeFirst();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        }
        catch (NumberFormatException ex) {
            System.err.println("Not a port: " + value);
            System.exit(2);
            return -1;
        }
    }
}
