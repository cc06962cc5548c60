package dev.dlt.agent.engine.nativehttp;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user that yields while every other user is parked must not wait on the scheduler's external
 * queue behind threads that keep the carrier's local queue busy ({@link CarrierYield}). The
 * scenario needs one carrier, so it runs in its own JVM ({@link LonelyYieldScenario}).
 */
class CarrierYieldTest {

    private static final int TRIALS = 5;

    @Test
    void aLoneUsersYieldReturnsWhileOthersKeepTheLocalQueueBusy() throws Exception {
        List<Long> millis = run("carrier");

        assertThat(millis).hasSize(TRIALS).allSatisfy(m -> assertThat(m).as("yield took (ms)").isLessThan(500));
    }

    @Test
    void aPlainYieldWaitsBehindThemOnTheExternalQueue() throws Exception {
        // what CarrierYield prevents: in some trials the carrier runs the task that starts the busy pair
        // before the yielded user, and the user then waits until the pair stops
        List<Long> millis = run("plain");

        assertThat(millis).hasSize(TRIALS).anySatisfy(m -> assertThat(m).isGreaterThanOrEqualTo(500));
    }

    private static List<Long> run(String mode) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.virtualThreadScheduler.parallelism=1", "-cp", classpath(),
                LonelyYieldScenario.class.getName(), mode, Integer.toString(TRIALS))
                .redirectErrorStream(true).start();
        List<Long> millis = new ArrayList<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.add(line);
                if (line.startsWith(LonelyYieldScenario.LINE)) {
                    millis.add(Long.parseLong(line.substring(LonelyYieldScenario.LINE.length())));
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(String.join("\n", output)).isZero();
        return millis;
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
