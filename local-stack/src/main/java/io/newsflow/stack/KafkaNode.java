package io.newsflow.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.tools.StorageTool;

/**
 * The body of the {@code kafka} child: one real Apache Kafka broker in KRaft combined mode (broker and
 * controller in one process, a single-voter quorum on 127.0.0.1). The storage is formatted once with a
 * random cluster id; later starts find {@code meta.properties} and keep every topic and offset.
 */
final class KafkaNode {

    private static final Logger log = LoggerFactory.getLogger(KafkaNode.class);
    private static final int NODE_ID = 1;

    private KafkaNode() {
    }

    static void run(Path dataDir, int port, int controllerPort) {
        Path config = writeServerProperties(dataDir, port, controllerPort, SharedDefaults.load());
        formatOnce(dataDir.resolve("logs"), config);
        ParentWatch.exitWhenParentDies();
        log.info("Starting Kafka broker on 127.0.0.1:{} (controller {}) with data in {}", port, controllerPort, dataDir);
        // Blocks until the broker stops; Kafka's own shutdown hook handles SIGTERM cleanly.
        kafka.Kafka.main(new String[] { config.toString() });
    }

    static Properties serverProperties(Path dataDir, int port, int controllerPort, SharedDefaults defaults) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        // One broker: every internal topic with a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", Integer.toString(defaults.partitions()));
        // Raw pages reach a few MiB: the broker takes what the services' producers may send.
        p.setProperty("message.max.bytes", Integer.toString(defaults.maxMessageBytes()));
        p.setProperty("replica.fetch.max.bytes", Integer.toString(defaults.maxMessageBytes()));
        // A local consumer group should not wait 3 s for more members that never come.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.hours", "168");
        // The log cleaner (the enriched topic is compacted) allocates its dedupe buffer up front: 128 MiB by
        // default, most of the broker's heap here. 16 MiB still holds ~700k keys per cleaning pass.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return p;
    }

    private static Path writeServerProperties(Path dataDir, int port, int controllerPort, SharedDefaults defaults) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                serverProperties(dataDir, port, controllerPort, defaults).store(out, "written by newsflow local-stack at each start");
            }
            return config;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void formatOnce(Path logDir, Path config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            log.info("Kafka storage in {} is already formatted; keeping its data", logDir);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        int exitCode = StorageTool.execute(
                new String[] { "format", "--cluster-id", clusterId, "--config", config.toString(), "--ignore-formatted" },
                System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting the Kafka storage in " + logDir + " failed with exit code " + exitCode);
        }
        log.info("Formatted Kafka storage in {} with cluster id {}", logDir, clusterId);
    }
}
