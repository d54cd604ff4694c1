package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher killed with SIGKILL leaves children behind: the next start must name them instead of
 * failing on busy ports, and {@code newsflow stop} must stop exactly them, by PID.
 */
class PidFileIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void leftOverChildIsReportedAtStartAndStoppedByPidWhileUnrelatedProcessesAreLeftAlone() throws Exception {
        StackSettings settings = StackSettings.onFreePorts(StackSettings.findRepoRoot(Path.of("")), temp).withServices(false);
        int orphanPort = FreePorts.pick(1)[0];
        // A store child as a killed launcher would have left it: running, listed in the PID file.
        Process orphan = new ProcessBuilder(settings.javaCommand(), "-Xmx64m", PidFile.marker("mongo"), "-cp", settings.classPath(),
                NewsflowStack.class.getName(), "mongo", temp.resolve("orphan").toString(), Integer.toString(orphanPort))
                .redirectErrorStream(true).redirectOutput(temp.resolve("orphan.log").toFile()).start();
        try {
            Files.createDirectories(settings.logDir());
            Files.write(settings.pidFile(), List.of(
                    "mongo " + orphan.pid(),
                    "kafka 2147483646",                         // long gone
                    "gateway " + ProcessHandle.current().pid())); // alive, but a reused PID: not a gateway
            PidFile pidFile = new PidFile(settings.pidFile());

            assertThat(pidFile.stillRunning()).containsExactly(new PidFile.Entry("mongo", orphan.pid()));
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .hasMessageContaining("still running")
                    .hasMessageContaining("./newsflow stop");
            assertThat(settings.pidFile()).exists();

            assertThat(pidFile.stopAll(Duration.ofSeconds(20))).containsExactly(new PidFile.Entry("mongo", orphan.pid()));
            assertThat(orphan.isAlive()).isFalse();
            assertThat(settings.pidFile()).doesNotExist();
            assertThat(ProcessHandle.current().isAlive()).isTrue();
        }
        finally {
            orphan.destroyForcibly();
        }
    }
}
