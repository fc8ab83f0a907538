package net.voipbin.systemtests.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnableJarsTest {

    @TempDir
    Path root;

    @Test
    void aModuleWithoutItsRunnableJarFailsWithWhatToRun() throws IOException {
        Files.createDirectories(root.resolve("call-manager/target"));
        Files.writeString(root.resolve("call-manager/target/call-manager-0.1.0-SNAPSHOT.jar"), "plain jar");

        assertThatThrownBy(() -> new RunnableJars(root).find("call-manager"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call-manager-*-exec.jar")
                .hasMessageContaining("run ./mvnw package first");
    }

    @Test
    void aModuleNeverBuiltFailsTheSameWay() {
        assertThatThrownBy(() -> new RunnableJars(root).find("flow-manager"))
                .hasMessageContaining("run ./mvnw package first");
    }

    @Test
    void theNewestExecJarOfTheModuleIsChosen() throws IOException {
        Path target = Files.createDirectories(root.resolve("flow-manager/target"));
        Path old = Files.writeString(target.resolve("flow-manager-0.0.9-exec.jar"), "old");
        Path current = Files.writeString(target.resolve("flow-manager-0.1.0-SNAPSHOT-exec.jar"), "new");
        Files.writeString(target.resolve("other-0.1.0-SNAPSHOT-exec.jar"), "someone else's");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(current, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));

        assertThat(new RunnableJars(root).find("flow-manager")).isEqualTo(current);
    }
}
