package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaNodeTests {

    @Test
    void brokerTakesTheMessageLimitAndPartitionsFromTheSharedServiceDefaults() {
        SharedDefaults defaults = SharedDefaults.load();

        Properties properties = KafkaNode.serverProperties(Path.of("/data/kafka"), 9092, 9093, defaults);

        assertThat(defaults.maxMessageBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(properties.getProperty("message.max.bytes")).isEqualTo("8388608");
        assertThat(properties.getProperty("replica.fetch.max.bytes")).isEqualTo("8388608");
        assertThat(properties.getProperty("num.partitions")).isEqualTo(Integer.toString(defaults.partitions()));
    }

    @Test
    void runsOneCombinedKraftNodeOnLoopbackWithSingleReplicaInternalTopics() {
        Properties properties = KafkaNode.serverProperties(Path.of("/data/kafka"), 19092, 19093, new SharedDefaults(1024, 1));

        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(properties.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(properties.getProperty("log.dirs")).isEqualTo(Path.of("/data/kafka/logs").toAbsolutePath().toString());
        assertThat(properties.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(properties).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1");
    }
}
