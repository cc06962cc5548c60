package dev.dlt.results.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveRecordCodecTest {

    private static LiveRecord sample() {
        LiveRollup rollup = new LiveRollup("w-1", "eu", 1_000, 5_000);
        IntervalRecorder recorder = new IntervalRecorder();
        for (int i = 0; i < 3; i++) {
            recorder.record("page", 2_000 * (i + 1), 100, "200", true);
            recorder.record("api", 60_000, 10, "500", false);
            rollup.add(recorder.roll(i, 5));
        }
        return rollup.record(16_000, false);
    }

    @Test
    void roundTripsExactly() throws IOException {
        LiveRecord record = sample();
        LiveRecord read = LiveRecordCodec.fromJson(LiveRecordCodec.toJson(record));
        assertThat(read).isEqualTo(record);
        assertThat(read.total().requests()).isEqualTo(6);
        assertThat(read.cumulative().get("api").percentileMs(95)).isBetween(59.9, 60.1);
    }

    @Test
    void refusesForgedRecords() {
        String json = new String(LiveRecordCodec.toJson(sample()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LiveRecordCodec.fromJson(json.replace("\"requests\":3", "\"requests\":4").getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("latencies");
        assertThatThrownBy(() -> LiveRecordCodec.fromJson(json.replace("\"failures\":3", "\"failures\":9").getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("more failures");
        assertThatThrownBy(() -> LiveRecordCodec.fromJson(json.replace("\"seq\":3", "\"seq\":-3").getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("seq");
        assertThatThrownBy(() -> LiveRecordCodec.fromJson("{\"format\":\"dlt-live/1\"".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LiveRecordCodec.fromJson(json.replaceFirst("\"latency\":\"[^\"]*\"", "\"latency\":\"AAAA\"").getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("histogram");
        assertThatThrownBy(() -> LiveRecordCodec.fromJson(new byte[LiveRecordCodec.MAX_BYTES + 1]))
                .isInstanceOf(IOException.class).hasMessageContaining("bigger");
    }
}
