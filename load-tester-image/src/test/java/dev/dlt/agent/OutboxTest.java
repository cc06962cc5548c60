package dev.dlt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path tmp;

    private final UploadRetry retry = new UploadRetry(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5),
            Clock.systemUTC(), Thread::sleep);

    @Test
    void storesInTheOrderWrittenAndCutsLogsToTheirTail() throws Exception {
        Path log = Files.writeString(tmp.resolve("bzt.log"), "0123456789abcdefghij");
        Outbox outbox = new Outbox(tmp.resolve("out"));
        outbox.write("results/a.xml", "<x/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        outbox.copyTail("results/a.bzt.log", log, 10, "text/plain");
        outbox.write("results/a.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        FlakyStore store = new FlakyStore().failFirst(2);

        assertThat(outbox.storeAll(store, retry, System.currentTimeMillis() + 30_000)).isEmpty();

        assertThat(store.stored()).extracting(FlakyStore.Put::key).containsExactly("results/a.xml", "results/a.bzt.log", "results/a.json");
        assertThat(new String(store.stored().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("abcdefghij");
    }

    @Test
    void aSecondCallStoresOnlyWhatWasLeftOver() throws Exception {
        Outbox outbox = new Outbox(tmp.resolve("out"));
        outbox.write("results/a.xml", new byte[] {1}, "application/xml");
        outbox.write("results/a.json", new byte[] {2}, "application/json");
        FlakyStore down = new FlakyStore().down();

        assertThat(outbox.storeAll(down, retry, System.currentTimeMillis() + 50)).containsExactly("results/a.xml", "results/a.json");

        FlakyStore up = new FlakyStore();
        assertThat(outbox.storeAll(up, retry, System.currentTimeMillis() + 50)).isEmpty();
        assertThat(up.stored()).extracting(FlakyStore.Put::key).containsExactly("results/a.xml", "results/a.json");
    }
}
