package dev.dlt.localcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    private static final Duration CHILD_LIFETIME = Duration.ofMinutes(3);

    @TempDir
    Path workDir;

    @Test
    void closeStopsTheChildAndWaitsUntilItIsGone() throws Exception {
        ChildJvm child = ChildJvm.start("sleeper", List.of(codeOf(Sleeper.class)), List.of(), Sleeper.class.getName(),
                List.of(), workDir);
        assertThat(child.process().isAlive()).isTrue();

        child.close();

        assertThat(child.process().isAlive()).isFalse();
        assertThat(child.logFile()).isRegularFile();
    }

    @Test
    void awaitHttpReportsAnEarlyExitWithTheEndOfTheLog() throws Exception {
        ChildJvm child = ChildJvm.start("crasher", List.of(codeOf(Crasher.class)), List.of(), Crasher.class.getName(),
                List.of("no such file"), workDir);

        assertThatThrownBy(() -> child.awaitHttp(URI.create("http://127.0.0.1:" + LoopbackHttp.freePort()),
                Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crasher exited with code 3")
                .hasMessageContaining("cannot start: no such file");
        assertThat(child.process().isAlive()).isFalse();
    }

    @Test
    void theChildExitsByItselfWhenItsParentIsKilled() throws Exception {
        try (ChildJvm parent = ChildJvm.start("parent", List.of(codeOf(ChildJvm.class), codeOf(Parent.class)),
                List.of(), Parent.class.getName(), List.of(workDir.toString()), workDir)) {
            ProcessHandle grandchild = await().atMost(Duration.ofSeconds(30))
                    .until(() -> parent.process().children().findFirst().orElse(null), p -> p != null);

            parent.process().destroyForcibly();

            grandchild.onExit().get(30, TimeUnit.SECONDS);
            assertThat(grandchild.isAlive()).isFalse();
        }
    }

    private static Path codeOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Idles for a bounded time, like a server that never stops by itself. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(CHILD_LIFETIME);
        }
    }

    /** Fails at start-up, like a server that cannot bind its port. */
    public static final class Crasher {
        public static void main(String[] args) {
            System.err.println("cannot start: " + String.join(" ", args));
            System.exit(3);
        }
    }

    /** Starts a {@link Sleeper} grandchild, then idles until it is killed without running its shutdown hooks. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            ChildJvm.start("grandchild", List.of(codeOf(Sleeper.class)), List.of(), Sleeper.class.getName(),
                    List.of(), Path.of(args[0]));
            Thread.sleep(CHILD_LIFETIME);
        }
    }
}
