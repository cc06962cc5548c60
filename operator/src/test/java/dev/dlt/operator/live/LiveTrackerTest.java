package dev.dlt.operator.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.RunRef;
import dev.dlt.operator.api.ProgressStatus;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LiveRecordCodec;
import dev.dlt.results.live.LiveRollup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LiveTrackerTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    private final Store store = new Store();
    private final RunPlan plan = new RunPlan(new RunRef("ns", "t1", "uid", "r1"),
            List.of(new RegionPlan("eks", "eks-fargate", List.of("w-0", "w-1"), "bucket", null, false)), null, "native",
            Duration.ofSeconds(60));
    private final ResultKeys keys = plan.keys(plan.regions().getFirst());

    @Test
    void readsOnlyChangedRecordsAndSkipsGarbageAndOutages() {
        LiveTracker tracker = new LiveTracker(store, new LiveSettings(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(15),
                Optional.empty()), Clock.fixed(START.plusSeconds(10), ZoneOffset.UTC));
        store.objects.put(keys.workerFile("w-0", ResultKeys.LIVE), record("w-0", 40));
        store.objects.put(keys.workerFile("w-1", ResultKeys.LIVE), "{\"format\":\"dlt-live/1\",\"seq\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        store.objects.put(keys.workerFile("w-1", ResultKeys.XML), "<FinalStatus/>".getBytes(StandardCharsets.UTF_8));

        ProgressStatus first = tracker.follow(plan, START);
        assertThat(first.getRequests()).isEqualTo(40);
        assertThat(first.getWorkersReporting()).isEqualTo(1);
        assertThat(first.getBadRecords()).isEqualTo(1);
        assertThat(store.reads).containsExactlyInAnyOrder(keys.workerFile("w-0", ResultKeys.LIVE), keys.workerFile("w-1", ResultKeys.LIVE));

        store.reads.clear();
        tracker.follow(plan, START);
        assertThat(store.reads).as("nothing changed").isEmpty();

        store.objects.put(keys.workerFile("w-1", ResultKeys.LIVE), record("w-1", 25));
        store.failing = true;
        assertThat(tracker.follow(plan, START).getRequests()).as("S3 down: the numbers stay").isEqualTo(40);
        store.failing = false;
        ProgressStatus later = tracker.follow(plan, START);
        assertThat(later.getRequests()).isEqualTo(65);
        assertThat(later.getWorkersReporting()).isEqualTo(2);
        assertThat(store.reads).containsExactly(keys.workerFile("w-1", ResultKeys.LIVE));
    }

    @Test
    void aRecordStoredUnderAnotherWorkersNameIsRejected() {
        LiveTracker tracker = new LiveTracker(store, LiveSettings.defaults(), Clock.fixed(START.plusSeconds(10), ZoneOffset.UTC));
        store.objects.put(keys.workerFile("w-0", ResultKeys.LIVE), record("w-1", 40));
        ProgressStatus p = tracker.follow(plan, START);
        assertThat(p.getRequests()).isZero();
        assertThat(p.getBadRecords()).isEqualTo(1);
    }

    private static byte[] record(String worker, int samples) {
        IntervalRecorder recorder = new IntervalRecorder();
        LiveRollup rollup = new LiveRollup(worker, "eks", START.toEpochMilli(), 5_000);
        for (int i = 0; i < samples; i++) {
            recorder.record("page", 1_000 + i, 10, "200", true);
        }
        rollup.add(recorder.roll(0, 2));
        return LiveRecordCodec.toJson(rollup.record(START.toEpochMilli() + 5_000, false));
    }

    /** An object store in memory whose ETag is the content's hash, with a switch that makes it fail. */
    private static final class Store implements ObjectStore {
        final Map<String, byte[]> objects = new TreeMap<>();
        final List<String> reads = new ArrayList<>();
        boolean failing;

        @Override
        public void put(String bucket, String key, byte[] content, String contentType) {
            objects.put(key, content);
        }

        @Override
        public Optional<byte[]> get(String bucket, String key) {
            if (failing) {
                throw new IllegalStateException("S3 is down");
            }
            reads.add(key);
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public List<String> list(String bucket, String prefix) {
            if (failing) {
                throw new IllegalStateException("S3 is down");
            }
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public List<Entry> listEntries(String bucket, String prefix) {
            return list(bucket, prefix).stream().map(k -> new Entry(k, Integer.toHexString(java.util.Arrays.hashCode(objects.get(k)))))
                    .toList();
        }
    }
}
