package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTests {

    @TempDir
    Path repo;

    @Test
    void wiresEveryServiceToTheSameBrokerAndStoreAndTheGatewayToTheOtherThree() {
        StackSettings settings = StackSettings.defaults(repo)
                .withInfrastructurePorts(19092, 19093, 37017)
                .withServicePorts(Map.of("ingest-service", 18081, "enrich-service", 18082, "search-service", 18083, "gateway", 18080))
                .withExtraServiceArguments(Map.of("ingest-service", List.of("--newsflow.ingest.max-article-size=4MB")));
        LocalStack stack = LocalStack.create(settings);

        for (String module : List.of("ingest-service", "enrich-service", "search-service", "gateway")) {
            assertThat(stack.serviceCommand(module))
                    .contains("-Xmx256m", "-Dreactor.netty.ioWorkerCount=" + Runtime.getRuntime().availableProcessors(),
                            "-Dnewsflow.stack.child=" + module, "-jar", repo.resolve(module + "/target/" + module + ".jar").toString(),
                            "--newsflow.kafka.bootstrap-servers=127.0.0.1:19092",
                            "--newsflow.mongodb.uri=mongodb://127.0.0.1:37017/newsflow");
        }
        assertThat(stack.serviceCommand("ingest-service")).contains("--server.port=18081")
                .endsWith("--newsflow.ingest.max-article-size=4MB");
        assertThat(stack.serviceCommand("search-service"))
                .contains("--newsflow.search.index-path=" + repo.resolve(".newsflow/data/search-index"));
        assertThat(stack.serviceCommand("gateway")).contains("--server.port=18080",
                "--newsflow.gateway.ingest-uri=http://127.0.0.1:18081",
                "--newsflow.gateway.search-uri=http://127.0.0.1:18083");
    }

    @Test
    void refusesToStartWhenAServiceJarIsMissing() {
        StackSettings settings = settingsOnFreePorts();

        assertThatThrownBy(() -> LocalStack.start(settings))
                .hasMessageContaining("Service jars are missing")
                .hasMessageContaining(repo.resolve("gateway/target/gateway.jar").toString());
        assertThat(settings.logDir()).doesNotExist();
    }

    @Test
    void refusesToStartWhenAPortIsTakenSoNoCheckTalksToAnotherProcess() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int[] ports = FreePorts.pick(2);
            StackSettings settings = settingsOnFreePorts().withServices(false)
                    .withInfrastructurePorts(taken.getLocalPort(), ports[0], ports[1]);

            assertThatThrownBy(() -> LocalStack.start(settings))
                    .hasMessageContaining("Ports already in use")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
            assertThat(Files.exists(settings.logDir().resolve("kafka.log"))).isFalse();
        }
    }

    private StackSettings settingsOnFreePorts() {
        int[] ports = FreePorts.pick(7);
        return StackSettings.defaults(repo)
                .withInfrastructurePorts(ports[0], ports[1], ports[2])
                .withServicePorts(Map.of("ingest-service", ports[3], "enrich-service", ports[4], "search-service", ports[5], "gateway", ports[6]));
    }
}
