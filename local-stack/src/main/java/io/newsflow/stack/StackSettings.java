package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local stack lives and which ports it binds. The defaults are the fixed ports of the
 * platform (gateway 8080, ingest 8081, enrich 8082, search 8083, Kafka 9092/9093, Mongo 27017); tests
 * pick free ports and a temporary data directory with the {@code with...} methods.
 *
 * @param repoRoot           the repository root, where {@code <module>/target/<module>.jar} are found
 * @param dataDir            Kafka log dirs, the Mongo MVStore file and the search index live here
 * @param logDir             one {@code <name>.log} per child process
 * @param kafkaPort          the broker's client listener
 * @param kafkaControllerPort the KRaft controller listener
 * @param mongoPort          the MongoDB-wire store
 * @param servicePorts       module name to HTTP port, in start order (dependencies first)
 * @param startServices      false starts only Kafka and Mongo (infrastructure tests, or services run from an IDE)
 * @param startupTimeout     how long one child may take to become ready
 * @param stopTimeout        how long one child may take to stop on SIGTERM before it is killed
 * @param javaCommand        the {@code java} binary for the children
 * @param classPath          the classpath the Kafka and Mongo children run with
 * @param extraServiceArguments module name to extra {@code --key=value} arguments (end-to-end tests)
 */
public record StackSettings(
        Path repoRoot,
        Path dataDir,
        Path logDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        Map<String, Integer> servicePorts,
        boolean startServices,
        Duration startupTimeout,
        Duration stopTimeout,
        String javaCommand,
        String classPath,
        Map<String, List<String>> extraServiceArguments) {

    public static final String INGEST = "ingest-service";
    public static final String ENRICH = "enrich-service";
    public static final String SEARCH = "search-service";
    public static final String GATEWAY = "gateway";

    /** Start order: the gateway last, because it routes to the other three. */
    static final List<String> SERVICE_ORDER = List.of(INGEST, ENRICH, SEARCH, GATEWAY);

    public StackSettings {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logDir, "logDir");
        servicePorts = Map.copyOf(servicePorts);
        if (!servicePorts.keySet().containsAll(SERVICE_ORDER)) {
            throw new IllegalArgumentException("servicePorts needs a port for each of " + SERVICE_ORDER);
        }
        extraServiceArguments = Map.copyOf(extraServiceArguments);
    }

    /** The fixed ports of the platform, data and logs under {@code <repo>/.newsflow}. */
    public static StackSettings defaults(Path repoRoot) {
        Path root = repoRoot.toAbsolutePath().normalize();
        return new StackSettings(root, root.resolve(".newsflow/data"), root.resolve(".newsflow/logs"),
                9092, 9093, 27017,
                Map.of(INGEST, 8081, ENRICH, 8082, SEARCH, 8083, GATEWAY, 8080),
                true, Duration.ofSeconds(120), Duration.ofSeconds(20),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"),
                Map.of());
    }

    /**
     * The platform on free ports with data and logs under {@code workDir}: what a test that starts the
     * whole stack needs, so that it never collides with a stack a developer is running.
     */
    public static StackSettings onFreePorts(Path repoRoot, Path workDir) {
        int[] ports = freePorts(7);
        return defaults(repoRoot)
                .withDataDir(workDir.resolve("data"), workDir.resolve("logs"))
                .withInfrastructurePorts(ports[0], ports[1], ports[2])
                .withServicePorts(Map.of(INGEST, ports[3], ENRICH, ports[4], SEARCH, ports[5], GATEWAY, ports[6]));
    }

    /** Distinct free ports on 127.0.0.1: all are held open together while picked, so none repeats. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }

    /** Walks up from {@code start} to the directory that holds {@code mvnw} and {@code local-stack/}. */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No newsflow repository (mvnw + local-stack/) above " + start.toAbsolutePath());
    }

    public StackSettings withDataDir(Path dataDir, Path logDir) {
        return new StackSettings(repoRoot, dataDir, logDir, kafkaPort, kafkaControllerPort, mongoPort, servicePorts,
                startServices, startupTimeout, stopTimeout, javaCommand, classPath, extraServiceArguments);
    }

    public StackSettings withInfrastructurePorts(int kafkaPort, int kafkaControllerPort, int mongoPort) {
        return new StackSettings(repoRoot, dataDir, logDir, kafkaPort, kafkaControllerPort, mongoPort, servicePorts,
                startServices, startupTimeout, stopTimeout, javaCommand, classPath, extraServiceArguments);
    }

    public StackSettings withServicePorts(Map<String, Integer> servicePorts) {
        return new StackSettings(repoRoot, dataDir, logDir, kafkaPort, kafkaControllerPort, mongoPort, servicePorts,
                startServices, startupTimeout, stopTimeout, javaCommand, classPath, extraServiceArguments);
    }

    public StackSettings withServices(boolean startServices) {
        return new StackSettings(repoRoot, dataDir, logDir, kafkaPort, kafkaControllerPort, mongoPort, servicePorts,
                startServices, startupTimeout, stopTimeout, javaCommand, classPath, extraServiceArguments);
    }

    public StackSettings withExtraServiceArguments(Map<String, List<String>> extraServiceArguments) {
        return new StackSettings(repoRoot, dataDir, logDir, kafkaPort, kafkaControllerPort, mongoPort, servicePorts,
                startServices, startupTimeout, stopTimeout, javaCommand, classPath, extraServiceArguments);
    }

    public StackSettings withTimeouts(Duration startupTimeout, Duration stopTimeout) {
        return new StackSettings(repoRoot, dataDir, logDir, kafkaPort, kafkaControllerPort, mongoPort, servicePorts,
                startServices, startupTimeout, stopTimeout, javaCommand, classPath, extraServiceArguments);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort + "/newsflow";
    }

    public String serviceUrl(String module) {
        Integer port = servicePorts.get(module);
        if (port == null) {
            throw new IllegalArgumentException("Unknown module " + module);
        }
        return "http://127.0.0.1:" + port;
    }

    public Path serviceJar(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** Name and PID of each running child, so that {@code newsflow stop} can find a stack whose launcher was killed. */
    public Path pidFile() {
        return logDir.resolve("children.pids");
    }

    public Path searchIndexDir() {
        return dataDir.resolve("search-index");
    }
}
