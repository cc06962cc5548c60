package dev.dlt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LiveRecord;
import dev.dlt.results.live.LiveRecordCodec;
import dev.dlt.results.live.LiveRollup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LivePublisherTest {

    private static final String KEY = "results/t/r/default/w-1.live.json";

    @Test
    void publishesOneOverwrittenObjectWhoseFinalRecordHoldsEverySample() throws Exception {
        Store store = new Store(false);
        IntervalRecorder recorder = new IntervalRecorder();
        LivePublisher live = new LivePublisher(store, KEY, index -> recorder.roll(index, 3),
                new LiveRollup("w-1", "default", 1_000, 100), Clock.systemUTC());
        live.start(Duration.ofMillis(100));
        for (int i = 0; i < 50; i++) {
            recorder.record("page", 1_000, 10, "200", true);
        }
        assertThat(store.twoPuts.await(60, TimeUnit.SECONDS)).as("two interval records stored").isTrue();
        for (int i = 0; i < 50; i++) {
            recorder.record("page", 2_000, 10, "500", false);
        }
        live.finish(Duration.ofSeconds(30));

        assertThat(store.objects).containsOnlyKeys(KEY);
        LiveRecord last = LiveRecordCodec.fromJson(store.objects.get(KEY));
        assertThat(last.finished()).isTrue();
        assertThat(last.seq()).isGreaterThanOrEqualTo(3);
        assertThat(last.cumulative().get("page").requests()).isEqualTo(100);
        assertThat(last.cumulative().get("page").failures()).isEqualTo(50);
        assertThat(live.failures()).isZero();
    }

    @Test
    void aStoreThatFailsIsCountedAndDoesNotStopTheRun() throws Exception {
        Store store = new Store(true);
        IntervalRecorder recorder = new IntervalRecorder();
        recorder.record("page", 1_000, 10, "200", true);
        LivePublisher live = new LivePublisher(store, KEY, index -> recorder.roll(index, 1),
                new LiveRollup("w-1", "default", 1_000, 100), Clock.systemUTC());
        live.finish(Duration.ofSeconds(30));
        assertThat(live.failures()).isEqualTo(1);
        assertThat(store.objects).isEmpty();
    }

    /** Stores puts in memory, or fails every one. */
    private static final class Store implements ResultStore {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();
        final List<String> puts = new CopyOnWriteArrayList<>();
        final CountDownLatch twoPuts = new CountDownLatch(2);
        private final boolean failing;

        Store(boolean failing) {
            this.failing = failing;
        }

        @Override
        public byte[] get(String key) throws IOException {
            throw new IOException("not used");
        }

        @Override
        public Optional<byte[]> find(String key) {
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public void put(String key, byte[] content, String contentType) throws IOException {
            if (failing) {
                throw new IOException("S3 is down");
            }
            objects.put(key, content);
            puts.add(key);
            twoPuts.countDown();
        }

        @Override
        public void close() {
        }
    }
}
