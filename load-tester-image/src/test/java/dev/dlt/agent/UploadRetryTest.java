package dev.dlt.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry schedule of uploads, on a fake clock: nothing really sleeps. */
class UploadRetryTest {

    private final FakeTime time = new FakeTime();

    @Test
    void theWaitDoublesUpToTheCapWithJitterInTheUpperHalf() {
        Backoff low = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1.0);

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 100).stream().map(low::delayMs).toList())
                .containsExactly(250L, 500L, 1_000L, 2_000L, 4_000L, 8_000L, 15_000L, 15_000L, 15_000L);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 100).stream().map(high::delayMs).toList())
                .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
    }

    @Test
    void jitterSpreadsWorkersThatFailedTogether() {
        double[] draws = {0.1, 0.9};
        AtomicInteger next = new AtomicInteger();
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> draws[next.getAndIncrement() % 2]);

        assertThat(backoff.delayMs(3)).isEqualTo(2_000 + 200);
        assertThat(backoff.delayMs(3)).isEqualTo(2_000 + 1_800);
    }

    @Test
    void aBackoffNeedsAPositiveFirstWaitBelowItsCap() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retriesUntilTheAttemptSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        UploadRetry retry = retry(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0));

        boolean stored = retry.run("upload", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new IOException("S3 unreachable");
            }
        }, time.millis() + 60_000);

        assertThat(stored).isTrue();
        assertThat(calls).hasValue(4);
        assertThat(time.sleeps).containsExactly(100L, 200L, 400L);
    }

    @Test
    void givesUpAtTheDeadlineNeverWaitingPastItAndTriesOnceMoreThere() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Long> attemptsAt = new ArrayList<>();
        long start = time.millis();
        UploadRetry retry = retry(new Backoff(Duration.ofMillis(1_000), Duration.ofSeconds(4), () -> 1.0));

        boolean stored = retry.run("upload", () -> {
            calls.incrementAndGet();
            attemptsAt.add(time.millis() - start);
            throw new IOException("S3 unreachable");
        }, start + 10_000);

        assertThat(stored).isFalse();
        // waits 1 s, 2 s, 4 s, 4 s would reach 11 s: cut to the 3 s left, then a last try at the deadline
        assertThat(time.sleeps).containsExactly(1_000L, 2_000L, 4_000L, 3_000L);
        assertThat(attemptsAt).containsExactly(0L, 1_000L, 3_000L, 7_000L, 10_000L);
        assertThat(calls).hasValue(5);
    }

    @Test
    void aSuccessfulFirstAttemptDoesNotWait() throws Exception {
        boolean stored = retry(Backoff.standard()).run("upload", () -> { }, time.millis());

        assertThat(stored).isTrue();
        assertThat(time.sleeps).isEmpty();
    }

    private UploadRetry retry(Backoff backoff) {
        return new UploadRetry(backoff, time, time::sleep);
    }

    /** A clock that moves only when the code under test sleeps. */
    private static final class FakeTime extends Clock {

        private long now = 1_800_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        void sleep(long ms) {
            sleeps.add(ms);
            now += ms;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
