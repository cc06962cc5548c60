package dev.dlt.operator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The start-up table check against a fake table: tries, pauses, the two warnings, and how it ends. */
class TableCheckTest {

    private final Logger log = Logger.getLogger(TableCheck.class.getName());
    private final List<ExtLogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add((ExtLogRecord) record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger ensured = new AtomicInteger();

    @BeforeEach
    void capture() {
        log.addHandler(capture);
    }

    @AfterEach
    void release() {
        log.removeHandler(capture);
    }

    @Test
    void triesAgainWithAGrowingPauseWhileDynamoDbDoesNotAnswerAndEnsuresTheTableOnceWhenItDoes() {
        int down = 17; // past the fifteenth try, where the pause reaches its thirty seconds

        TableCheck.Outcome outcome = new TableCheck("dlt-results", unreachableFor(down), pauses::add).run();

        assertThat(outcome).isEqualTo(TableCheck.Outcome.CHECKED);
        assertThat(calls).hasValue(down + 1);
        assertThat(ensured).hasValue(1);
        assertThat(pauses).as("one pause after each failed try, none after the success").containsExactlyElementsOf(seconds(
                2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 30, 30));
        assertThat(messages(Level.WARNING)).singleElement().asString()
                .contains("DynamoDB table dlt-results not checked (Unable to execute HTTP request: Connection refused)");
        assertThat(messages(Level.INFO)).containsExactly("DynamoDB table dlt-results checked at try 18");
    }

    @Test
    void aTableThatAnswersAtOnceIsCheckedWithoutPauseOrWarning() {
        TableCheck.Outcome outcome = new TableCheck("dlt-results", unreachableFor(0), pauses::add).run();

        assertThat(outcome).isEqualTo(TableCheck.Outcome.CHECKED);
        assertThat(calls).hasValue(1);
        assertThat(ensured).hasValue(1);
        assertThat(pauses).isEmpty();
        assertThat(messages(Level.INFO)).isEmpty();
    }

    @Test
    void givesUpAfterTheLastTryAndSaysSo() {
        TableCheck.Outcome outcome = new TableCheck("dlt-results", unreachableFor(Integer.MAX_VALUE), pauses::add).run();

        assertThat(outcome).isEqualTo(TableCheck.Outcome.GAVE_UP);
        assertThat(calls).hasValue(TableCheck.ATTEMPTS);
        assertThat(ensured).hasValue(0);
        assertThat(pauses).as("no pause after the last try").hasSize(TableCheck.ATTEMPTS - 1)
                .startsWith(seconds(2, 4, 6).toArray(Duration[]::new)).endsWith(seconds(30, 30).toArray(Duration[]::new));
        assertThat(pauses.stream().mapToLong(Duration::toSeconds).sum()).as("six minutes of pauses in all").isEqualTo(360);
        assertThat(messages(Level.WARNING)).as("one warning at the first failure, one when giving up").hasSize(2);
        assertThat(messages(Level.WARNING).getLast()).isEqualTo("DynamoDB table dlt-results still not checked after 20 tries "
                + "(Unable to execute HTTP request: Connection refused); runs create it when they record their results");
    }

    @Test
    void anInterruptDuringAPauseEndsTheCheckAtOnce() throws InterruptedException {
        CountDownLatch pausing = new CountDownLatch(1);
        TableCheck check = new TableCheck("dlt-results", unreachableFor(Integer.MAX_VALUE), pause -> {
            pauses.add(pause);
            pausing.countDown();
            Thread.sleep(Duration.ofHours(1));
        });
        AtomicReference<TableCheck.Outcome> outcome = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> outcome.set(check.run()));

        assertThat(pausing.await(1, TimeUnit.MINUTES)).isTrue();
        thread.interrupt();
        thread.join(Duration.ofMinutes(1));

        assertThat(thread.isAlive()).isFalse();
        assertThat(outcome).hasValue(TableCheck.Outcome.STOPPED);
        assertThat(calls).as("no try after the interrupt").hasValue(1);
        assertThat(pauses).containsExactly(Duration.ofSeconds(2));
        assertThat(messages(Level.WARNING)).as("no giving-up warning: it was stopped").hasSize(1);
    }

    @Test
    void anInterruptDuringATryEndsTheCheckWithoutAPause() {
        Runnable interruptedCall = () -> {
            calls.incrementAndGet();
            // what the SDK does when its thread is interrupted in a call: keeps the flag, throws
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("Thread was interrupted").build();
        };

        TableCheck.Outcome outcome = new TableCheck("dlt-results", interruptedCall, pauses::add).run();
        boolean stillInterrupted = Thread.interrupted(); // clears the flag for the next tests of this thread

        assertThat(outcome).isEqualTo(TableCheck.Outcome.STOPPED);
        assertThat(stillInterrupted).as("the interrupt is kept for the thread's owner").isTrue();
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
        assertThat(messages(Level.WARNING)).as("a stop is no failure of DynamoDB").isEmpty();
    }

    @Test
    void startOnceReturnsWhileTheFirstTryIsStillWaitingForDynamoDbAndLaterCallsStartNoSecondCheck() throws InterruptedException {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch trying = new CountDownLatch(1);
        AtomicReference<Thread> checking = new AtomicReference<>();
        TableCheck check = new TableCheck("dlt-results", () -> {
            calls.incrementAndGet();
            checking.set(Thread.currentThread());
            trying.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ensured.incrementAndGet();
        }, pauses::add);

        assertThat(check.startOnce()).isTrue();
        assertThat(trying.await(1, TimeUnit.MINUTES)).isTrue();
        // every LoadTest reconciled asks for it
        assertThat(check.startOnce()).isFalse();
        assertThat(check.startOnce()).isFalse();
        Thread thread = checking.get();
        assertThat(thread.isVirtual()).isTrue();
        assertThat(thread.getName()).isEqualTo("dynamodb-table-check");
        assertThat(thread.isAlive()).as("the reconcile went on while the table is being checked").isTrue();
        assertThat(ensured).hasValue(0);

        answer.countDown();
        thread.join(Duration.ofMinutes(1));
        assertThat(thread.isAlive()).isFalse();
        assertThat(check.startOnce()).isFalse();
        assertThat(ensured).hasValue(1);
        assertThat(calls).as("one check, however often it was asked for").hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void stopEndsARunningCheckAndKeepsALaterStartFromCheckingAgain() throws InterruptedException {
        CountDownLatch pausing = new CountDownLatch(1);
        AtomicReference<Thread> checking = new AtomicReference<>();
        TableCheck check = new TableCheck("dlt-results", unreachableFor(Integer.MAX_VALUE), pause -> {
            checking.set(Thread.currentThread());
            pausing.countDown();
            Thread.sleep(Duration.ofHours(1));
        });

        assertThat(check.startOnce()).isTrue();
        assertThat(pausing.await(1, TimeUnit.MINUTES)).isTrue();
        check.stop();
        checking.get().join(Duration.ofMinutes(1));

        assertThat(checking.get().isAlive()).isFalse();
        assertThat(check.startOnce()).isFalse();
        assertThat(calls).as("no try after the stop, none from the start after it").hasValue(1);
    }

    @Test
    void stopBeforeAnyLoadTestMeansNoCheckAtAll() {
        TableCheck check = new TableCheck("dlt-results", unreachableFor(0), pauses::add);

        check.stop();

        assertThat(check.startOnce()).as("stopped before the first LoadTest").isFalse();
        assertThat(calls).hasValue(0);
    }

    /** A table that refuses connections for its first {@code tries} tries, then answers. */
    private Runnable unreachableFor(int tries) {
        return () -> {
            if (calls.incrementAndGet() <= tries) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            }
            ensured.incrementAndGet();
        };
    }

    private List<String> messages(Level level) {
        return logged.stream().filter(r -> r.getLevel().intValue() == level.intValue()).map(ExtLogRecord::getFormattedMessage).toList();
    }

    private static List<Duration> seconds(long... values) {
        List<Duration> durations = new ArrayList<>();
        for (long value : values) {
            durations.add(Duration.ofSeconds(value));
        }
        return durations;
    }
}
