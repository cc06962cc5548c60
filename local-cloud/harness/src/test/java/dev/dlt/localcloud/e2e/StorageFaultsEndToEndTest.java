package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * S3 and DynamoDB failing during a real run (stopped, or frozen with SIGSTOP): the run waits, says
 * what it waits for (condition Blocked), and ends once with every request counted and recorded once.
 */
@ExtendWith(FaultCloudExtension.class)
class StorageFaultsEndToEndTest {

    private static final int WORKERS = 3;
    private static final int HOLD_SECONDS = 3;

    private FaultCloud faults;
    private TargetServer target;

    @BeforeEach
    void start(FaultCloud faults, CloudTestBed bed) throws Exception {
        this.faults = faults;
        target = bed.target("127.0.96.1", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(10)));
    }

    @Test
    void s3Down45SecondsDuringTheUploadsWorkersRetryAndEveryRequestIsCounted() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "s3-down-upload", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            sleepUntil(run.loadEnd(HOLD_SECONDS).minusMillis(500));
            faults.cloud().s3Server().stop();
            Thread.sleep(45_000);
            assertThat(run.view().terminal()).as("the run must not end while S3 is down: %s", run.view().message()).isFalse();
            faults.cloud().s3Server().restart();

            LoadTestView done = run.awaitEnd();
            run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
        }
    }

    @Test
    void s3DownDuringCollectionTheRunWaitsBlockedAndThenCountsEveryRequest() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "s3-down-collect", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            run.awaitReportsUploaded(WORKERS, Duration.ofSeconds(90));
            faults.cloud().s3Server().stop();
            // longer than the collect timeout: an outage is not a missing result
            Thread.sleep(20_000);
            LoadTestView during = run.view();
            assertThat(during.terminal()).as("the run must not end while S3 is down: %s", during.message()).isFalse();
            assertThat(during.condition("Blocked")).as("conditions: %s", during.status().get("conditions"))
                    .containsEntry("status", "True").containsEntry("reason", "S3Unavailable");
            faults.cloud().s3Server().restart();

            LoadTestView done = run.awaitEnd();
            run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
            assertThat(done.condition("Blocked")).containsEntry("status", "False");
        }
    }

    @Test
    void dynamoDbDownAtRecordTimeTheRunSucceedsOnlyOnceItIsBackAndIsRecordedOnce() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "dynamodb-down-record", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            run.awaitPhase("Running", Duration.ofSeconds(60));
            faults.cloud().dynamoServer().stop();
            LoadTestView recording = run.awaitPhase("Recording", Duration.ofSeconds(60));
            assertThat(recording.phase()).as(recording.message()).isEqualTo("Recording");
            Thread.sleep(10_000);
            LoadTestView during = run.view();
            assertThat(during.phase()).as("still recording while DynamoDB is down: %s", during.message()).isEqualTo("Recording");
            assertThat(during.condition("Blocked")).containsEntry("status", "True").containsEntry("reason", "DynamoDbUnavailable");
            assertThat(during.condition("Recorded")).containsEntry("status", "False");
            assertThat(FaultRun.requestsOf(during)).as("the result is in status before it is recorded").isEqualTo(target.counters().requests());
            faults.cloud().dynamoServer().restart();

            LoadTestView done = run.awaitEnd();
            run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
        }
    }

    @Test
    void s3FrozenDuringTheUploadsTheRunWaitsAndCountsEveryRequest() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "s3-frozen-upload", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            sleepUntil(run.loadEnd(HOLD_SECONDS).minusMillis(500));
            faults.cloud().s3Server().freeze();
            Thread.sleep(20_000);
            assertThat(run.view().terminal()).as("the run must not end while S3 is frozen: %s", run.view().message()).isFalse();
            faults.cloud().s3Server().thaw();

            LoadTestView done = run.awaitEnd();
            run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
        }
    }

    @Test
    void dynamoDbFrozenAtRecordTimeTheRunWaitsAndIsRecordedOnce() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "dynamodb-frozen-record", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            run.awaitPhase("Running", Duration.ofSeconds(60));
            faults.cloud().dynamoServer().freeze();
            run.awaitWorkersEnded(Duration.ofSeconds(90));
            Thread.sleep(15_000);
            LoadTestView during = run.view();
            assertThat(during.terminal()).as("the run must not end while DynamoDB is frozen: %s", during.message()).isFalse();
            assertThat(during.phase()).isEqualTo("Recording");
            faults.cloud().dynamoServer().thaw();

            LoadTestView done = run.awaitEnd();
            run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
        }
    }

    static void sleepUntil(Instant instant) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), instant).toMillis()));
    }
}
