package dev.dlt.operator.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.operator.InMemoryStore;
import dev.dlt.results.aggregate.AggregateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A run's basis survives the trip through the store, and whatever is stored is read back as untrusted input. */
class BaselinesTest {

    private final InMemoryStore store = new InMemoryStore();
    private final Baselines baselines = new Baselines(store, "bucket");

    @Test
    void savedBasisReadsBackWithItsFiguresAndExactHistograms() throws IOException {
        RunComparatorTest.Sample sample = RunComparatorTest.lognormal(new Random(1), 2_000, 100, 20);
        AggregateResult aggregate = new AggregateResult(sample.result(""), List.of(sample.result("api")), 2, 60);
        baselines.save("ns/t", new RunBasis("r1", aggregate, Map.of("", sample.histogram(), "api", sample.histogram())));

        RunBasis read = baselines.load("ns/t", "r1").orElseThrow();

        assertThat(read.aggregate().overall()).isEqualTo(new dev.dlt.results.aggregate.LabelResult("", 2_000, 1_980, 20, 0.01,
                sample.result("").rps(), sample.result("").avgRtMs(), 0, 0, 0, 0, 0, Map.of(), 0, sample.result("").p50Ms(),
                sample.result("").p90Ms(), sample.result("").p95Ms(), sample.result("").p99Ms(), sample.result("").p999Ms(),
                sample.result("").maxMs(), true));
        assertThat(read.aggregate().labels()).extracting(l -> l.label()).containsExactly("api");
        assertThat(read.histograms()).containsOnlyKeys("", "api");
        assertThat(KolmogorovSmirnov.test(read.histograms().get("api"), sample.histogram()).d()).isZero();
        assertThat(read.histograms().get("api").totalCount()).isEqualTo(2_000);
    }

    @Test
    void aRunWithoutABasisIsEmpty() throws IOException {
        assertThat(baselines.load("ns/t", "r9")).isEmpty();
    }

    @Test
    void refusesWhatIsNotABasis() throws IOException {
        put("basis.json", "{\"format\":\"other\",\"labels\":[]}");
        assertThatThrownBy(() -> baselines.load("ns/t", "r1")).isInstanceOf(IOException.class).hasMessageContaining("is not a dlt-run-basis/1");
        put("basis.json", "{\"format\":\"dlt-run-basis/1\",\"labels\":[{\"label\":\"\",\"requests\":10,\"failures\":0,\"p95Ms\":-1}]}");
        assertThatThrownBy(() -> baselines.load("ns/t", "r1")).isInstanceOf(IOException.class).hasMessageContaining("not a non-negative number");
        put("basis.json", "{\"format\":\"dlt-run-basis/1\",\"labels\":[{\"label\":\"\",\"requests\":10,\"failures\":0}]}");
        assertThatThrownBy(() -> baselines.load("ns/t", "r1")).isInstanceOf(IOException.class).hasMessageContaining("rps that is not");
        put("basis.json", "{\"format\":\"dlt-run-basis/1\",\"labels\":[{\"label\":\"\",\"requests\":10,\"failures\":0,\"rps\":1,"
                + "\"avgMs\":1,\"p50Ms\":1,\"p90Ms\":1,\"p95Ms\":1,\"p99Ms\":1,\"p999Ms\":1,\"maxMs\":1}]}");
        assertThat(baselines.load("ns/t", "r1")).hasValueSatisfying(b -> assertThat(b.histograms()).isEmpty());
        put("basis.hdr.json", "{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"\":\"AAAA\"}}");
        assertThatThrownBy(() -> baselines.load("ns/t", "r1")).isInstanceOf(IOException.class).hasMessageStartingWith("basis.hdr.json of run r1");
        put("basis.json", "x".repeat((int) Baselines.MAX_FIGURES_BYTES + 1));
        assertThatThrownBy(() -> baselines.load("ns/t", "r1")).isInstanceOf(IOException.class).hasMessageContaining("more than");
    }

    private void put(String file, String content) {
        store.put("bucket", "results/ns/t/r1/" + file, content.getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
