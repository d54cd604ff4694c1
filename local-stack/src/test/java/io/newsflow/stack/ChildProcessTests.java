package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTests {

    @TempDir
    Path temp;

    @Test
    void writesItsOutputToItsLogAndShowsTheMessagesWithoutStackFrames() throws InterruptedException {
        ChildProcess child = ChildProcess.start("failing", List.of("sh", "-c",
                "echo starting; echo 'boom: store unreachable'; printf '\\tat a.b.C.run(C.java:1)\\n\\tat a.b.D.run(D.java:2)\\n'"),
                temp, temp.resolve("logs/failing.log"));

        assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(child.logTail(2)).isEqualTo("starting" + System.lineSeparator() + "boom: store unreachable");
        assertThat(child.logTail(10)).startsWith("# sh -c").doesNotContain("\tat a.b.");
    }

    @Test
    void stopEndsACooperativeChildWithSigtermAndKillsOneThatIgnoresIt() {
        ChildProcess cooperative = ChildProcess.start("cooperative", List.of("sleep", "30"), temp, temp.resolve("cooperative.log"));
        ChildProcess stubborn = ChildProcess.start("stubborn", List.of("sh", "-c", "trap '' TERM; echo ignoring; exec sleep 30"),
                temp, temp.resolve("stubborn.log"));
        await().atMost(Duration.ofSeconds(10)).until(() -> stubborn.logTail(1).equals("ignoring"));

        assertThat(cooperative.residentKilobytes()).isPresent();
        assertThat(cooperative.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(stubborn.stop(Duration.ofMillis(500))).isFalse();

        assertThat(cooperative.isAlive()).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
    }
}
