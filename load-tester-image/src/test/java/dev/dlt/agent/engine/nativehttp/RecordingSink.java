package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.engine.SampleSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every sample it is given, in arrival order. */
final class RecordingSink implements SampleSink {

    /** One recorded sample. */
    record Sample(String label, long responseTimeMicros, long latencyMicros, long connectMicros, long bytes,
                  String responseCode, boolean success) {
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    @Override
    public void accept(String label, long responseTimeMicros, long latencyMicros, long connectMicros, long bytes,
                       String responseCode, boolean success) {
        samples.add(new Sample(label, responseTimeMicros, latencyMicros, connectMicros, bytes, responseCode, success));
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }
}
