package dev.dlt.operator.results;

import static dev.dlt.operator.results.WorkerUploads.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.backend.RunRef;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.layout.OpenModelReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultCollectorTest {

    private static final String[] LABELS = {"home", "buy"};
    private static final long START = 1_800_000_000_000L;

    private final FakeResultStore store = new FakeResultStore();
    private final WorkerUploads uploads = new WorkerUploads(store);
    private final ResultCollector collector = new ResultCollector(store);
    private final RunSummarizer summarizer = new RunSummarizer();
    private final RunPlan plan = plan("run-1", "w0", "w1", "w2");
    private final ResultKeys keys = plan.keys(plan.regions().get(0));

    @Test
    void aSecondPollReadsOnlyTheNewWorkers() {
        uploads.upload(keys, "w0", uploads.record(LABELS, 100, 2_000), START);
        uploads.upload(keys, "w1", uploads.record(LABELS, 300, 6_000), START + 5);

        Collected first = collector.collect(plan);

        assertThat(first.reportedCount()).isEqualTo(2);
        assertThat(first.allReported()).isFalse();
        assertThat(store.totalOpens()).isEqualTo(6); // report, XML and histograms of each
        assertThat(summarizer.summarize("run-1", first).excluded()).containsExactly(new ExcludedWorker("eks", "w2", "no report in S3"));

        uploads.upload(keys, "w2", uploads.record(LABELS, 600, 4_000), START + 9);
        Collected second = collector.collect(plan);

        assertThat(store.totalOpens()).isEqualTo(9);
        assertThat(store.opens).allSatisfy((key, count) -> assertThat(count.get()).as(key).isEqualTo(1));
        assertThat(second.allReported()).isTrue();
        RunSummary summary = summarizer.summarize("run-1", second);
        assertThat(summary.aggregated()).isEqualTo(3);
        assertThat(summary.excluded()).isEmpty();
        assertThat(summary.allCompleted()).isTrue();
        assertThat(summary.result().getRequests()).isEqualTo(2 * (100 + 300 + 600));
        assertThat(summary.result().getFailures()).isEqualTo(2 * (10 + 30 + 60));
        assertThat(summary.startSkewMs()).isEqualTo(9);
        assertThat(summary.result().getDurationSeconds()).isEqualTo(10.009);

        collector.collect(plan);
        assertThat(store.totalOpens()).as("nothing new, nothing read").isEqualTo(9);
    }

    /** Reports that carry the histograms (today's agent) spare the read of the .hdr.json and add up exactly as that file does. */
    @Test
    void histogramsInTheReportSpareAReadAndAddUpAsTheirFile() {
        FakeResultStore threeFiles = new FakeResultStore();
        for (int i = 0; i < 3; i++) {
            RecordedResults results = uploads.record(LABELS, 100 * (i + 1), 2_000 * (i + 1));
            new WorkerUploads(threeFiles).upload(keys, "w" + i, results, START + i);
            if (i == 0) {
                uploads.upload(keys, "w0", results, START); // an older agent's files next to today's
            } else {
                uploads.uploadWithHistogramsInReport(keys, "w" + i, results, START + i);
            }
        }

        RunSummary summary = summarizer.summarize("run-1", collector.collect(plan));
        RunSummary reference = summarizer.summarize("run-1", new ResultCollector(threeFiles).collect(plan));

        assertThat(store.opens.get(keys.workerFile("w0", ResultKeys.HISTOGRAMS)).get()).isEqualTo(1);
        assertThat(store.opens).doesNotContainKeys(keys.workerFile("w1", ResultKeys.HISTOGRAMS), keys.workerFile("w2", ResultKeys.HISTOGRAMS));
        assertThat(store.totalOpens()).isEqualTo(3 + 2 + 2);
        assertThat(summary.aggregated()).isEqualTo(3);
        assertThat(summary.result().getPercentilesExact()).isTrue();
        assertThat(summary.result().getRequests()).isEqualTo(2 * (100 + 200 + 300));
        assertThat(summary.result()).usingRecursiveComparison().isEqualTo(reference.result());
    }

    @Test
    void openModelWorkersAddUpTheirRatesAndDropsAndMergeTheirServiceTimesExactly() {
        // w0 and w1 both scheduled 1000 iterations at 100/s; w1 dropped 100; service times 1 ms and 5 ms
        upload("w0", new OpenModelReport(1_000, 1_000, 0, 10, 100), 1_000);
        upload("w1", new OpenModelReport(1_000, 900, 100, 10, 100), 5_000);
        // w2 says it sent more than was due: its report cannot be true, none of it is merged
        upload("w2", new OpenModelReport(1_000, 1_200, 0, 10, 100), 9_000);

        RunSummary summary = summarizer.summarize("run-1", collector.collect(plan));

        assertThat(summary.excluded()).singleElement().satisfies(e -> {
            assertThat(e.workerId()).isEqualTo("w2");
            assertThat(e.reason()).contains("sent 1200 and dropped 0 of 1000 iterations due");
        });
        var open = summary.result().getOpenModel();
        assertThat(open.getRequestedRate()).isEqualTo(200.0);
        assertThat(open.getAchievedRate()).isEqualTo(190.0);
        assertThat(open.getDueIterations()).isEqualTo(2_000);
        assertThat(open.getDroppedIterations()).isEqualTo(100);
        // half the service times are 1 ms, half 5 ms (to the histogram's 0.1 %)
        assertThat(open.getServiceP50Ms()).isBetween(0.99, 1.01);
        assertThat(open.getServiceP90Ms()).isBetween(4.99, 5.01);
        assertThat(open.getServiceTimesComplete()).isTrue();
    }

    private void upload(String workerId, OpenModelReport open, long serviceMicros) {
        uploads.xml(keys, workerId, TaurusXmlWriter.toBytes(uploads.record(LABELS, 100, 20_000).status()));
        uploads.histograms(keys, workerId, uploads.record(LABELS, 100, 20_000).histograms().toJson());
        ResultRecorder service = new ResultRecorder();
        for (int i = 0; i < 200; i++) {
            service.record(LABELS[i % 2], serviceMicros, serviceMicros, 0, 100, "200", true);
        }
        uploads.openModel(keys, workerId, service.snapshot(10), open, START);
    }

    @Test
    void aClosedModelRunHasNoOpenModelResult() {
        uploads.upload(keys, "w0", uploads.record(LABELS, 100, 2_000), START);

        assertThat(summarizer.summarize("run-1", collector.collect(plan)).result().getOpenModel()).isNull();
    }

    @Test
    void forgetDropsWhatWasReadSoTheRunIsReadAgain() {
        uploads.upload(keys, "w0", uploads.record(LABELS, 100, 2_000), START);
        collector.collect(plan);
        collector.forget("run-1");

        Collected again = collector.collect(plan);

        assertThat(store.totalOpens()).isEqualTo(6);
        assertThat(summarizer.summarize("run-1", again).result().getRequests()).isEqualTo(200);
    }

    /**
     * More workers than results may wait unmerged, every fifth one's counts not adding up: each sound
     * worker is merged exactly once, in the plan's order of workers, and nothing of the others.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a read that never hands back its place would hang the collect
    void manyWorkersReadAtOnceAreEachMergedOnceAndGarbageNever() {
        String[] ids = IntStream.range(0, 200).mapToObj(i -> "w" + i).toArray(String[]::new);
        RunPlan run = plan("run-many", ids);
        ResultKeys k = run.keys(run.regions().get(0));
        long requests = 0;
        for (int i = 0; i < ids.length; i++) {
            uploads.upload(k, ids[i], uploads.record(LABELS, 10 + i, 1_000 + 10L * i), START + i);
            if (i % 5 == 0) {
                uploads.xml(k, ids[i], xml("100", "90", "20", "0.01", "90", "10"));
            } else {
                requests += 2L * (10 + i);
            }
        }

        Collected collected = new ResultCollector(store, 3).collect(run);
        RunSummary summary = summarizer.summarize("run-many", collected);

        assertThat(collected.workers()).extracting(CollectedWorker::workerId).containsExactly(ids);
        assertThat(summary.aggregated()).isEqualTo(160);
        assertThat(summary.result().getRequests()).isEqualTo(requests);
        assertThat(summary.excluded()).hasSize(40).allSatisfy(e -> {
            assertThat(Integer.parseInt(e.workerId().substring(1)) % 5).isZero();
            assertThat(e.reason()).contains("succ 90 + fail 20 is not the throughput 100");
        });
        assertThat(store.totalOpens()).isEqualTo(3 * 200);
    }

    @Test
    void aFailureOfS3IsThrownAndWhatWasReadIsKept() {
        uploads.upload(keys, "w0", uploads.record(LABELS, 100, 2_000), START);
        collector.collect(plan);
        uploads.upload(keys, "w1", uploads.record(LABELS, 300, 6_000), START);
        store.failure = new IllegalStateException("503 Slow Down");

        assertThatThrownBy(() -> collector.collect(plan)).isInstanceOf(RuntimeException.class).hasMessageContaining("503 Slow Down");

        store.failure = null;
        RunSummary summary = summarizer.summarize("run-1", collector.collect(plan));
        assertThat(summary.result().getRequests()).isEqualTo(2 * (100 + 300));
        assertThat(store.opens.get(keys.workerFile("w0", ResultKeys.XML)).get()).isEqualTo(1);
    }

    /**
     * S3 fails for some workers in the middle of the parallel reads: the collect throws, the workers read
     * meanwhile are kept (merged once), and the next poll reads only the others, so the run adds up exactly.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void s3FailingForSomeWorkersMidCollectKeepsTheOthersAndTheNextPollAddsUpExactly() {
        String[] ids = IntStream.range(0, 60).mapToObj(i -> "w" + i).toArray(String[]::new);
        RunPlan run = plan("run-flaky", ids);
        ResultKeys k = run.keys(run.regions().get(0));
        long requests = 0;
        for (int i = 0; i < ids.length; i++) {
            uploads.upload(k, ids[i], uploads.record(LABELS, 10 + i, 1_000 + 10L * i), START + i);
            requests += 2L * (10 + i);
        }
        Set<String> failing = IntStream.range(0, ids.length).filter(i -> i % 7 == 3)
                .mapToObj(i -> k.workerFile(ids[i], ResultKeys.XML)).collect(Collectors.toSet());
        store.failingKeys = failing::contains;
        ResultCollector flaky = new ResultCollector(store, 4);

        assertThatThrownBy(() -> flaky.collect(run)).isInstanceOf(ObjectStore.Unavailable.class).hasMessageContaining("503");
        assertThat(store.opens.keySet()).as("workers read before the failure").anyMatch(key -> key.endsWith(ResultKeys.XML));

        store.failingKeys = null;
        Collected collected = flaky.collect(run);
        RunSummary summary = summarizer.summarize("run-flaky", collected);
        assertThat(summary.aggregated()).isEqualTo(ids.length);
        assertThat(summary.excluded()).isEmpty();
        assertThat(summary.result().getRequests()).isEqualTo(requests);
        // a successful open is counted: every worker was read exactly once: those merged before the failure were not read again
        assertThat(Arrays.stream(ids).map(id -> store.opens.get(k.workerFile(id, ResultKeys.XML)).get()))
                .containsOnly(1);
    }

    @Test
    void aFailureWhileStreamingIsAFailureOfS3NotGarbage() {
        uploads.upload(keys, "w0", uploads.record(LABELS, 100, 2_000), START);
        store.putBroken(BUCKET, keys.workerFile("w0", ResultKeys.XML), "<FinalStatus><Group label=\"home\">".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> collector.collect(plan)).isInstanceOf(RuntimeException.class).hasMessageContaining("connection reset");
    }

    @Test
    void workersThatNameThemselvesAreFoundByTheirReports() {
        RunPlan ecs = new RunPlan(new RunRef("ns", "test", "uid", "run-2"),
                List.of(new RegionPlan("us-west-2", "ecs-fargate", List.of("p1", "p2", "p3"), BUCKET,
                        new dev.dlt.backend.TestRegionSettings("us-west-2", "us-west-2", "cluster", "task", "container", List.of("subnet"),
                                List.of("sg"), false, BUCKET, null), true)),
                null, "native", Duration.ofSeconds(10));
        ResultKeys ecsKeys = ecs.keys(ecs.regions().get(0));
        uploads.upload(ecsKeys, "task-b", uploads.record(LABELS, 10, 1_000), START);
        uploads.upload(ecsKeys, "task-a", uploads.record(LABELS, 20, 1_000), START);
        // a live record, written while the worker ran, does not name a worker
        store.put(BUCKET, ecsKeys.workerFile("task-c", ResultKeys.LIVE), "{}".getBytes(StandardCharsets.UTF_8), "application/json");

        Collected collected = collector.collect(ecs);

        assertThat(collected.workers()).extracting(CollectedWorker::workerId).containsExactly("task-a", "task-b", "unreported-1");
        assertThat(summarizer.summarize("run-2", collected).result().getRequests()).isEqualTo(60);
    }

    static Stream<Arguments> hostileWorkers() {
        return Stream.of(
                hostile("DTD with entity expansion", "DTD", (u, k) -> u.xml(k, "bad",
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><FinalStatus><TestDuration>&c;</TestDuration></FinalStatus>")),
                hostile("external entity", "DTD", (u, k) -> u.xml(k, "bad",
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><FinalStatus><Group label=\"&x;\"/></FinalStatus>")),
                hostile("450 MB XML", "bad.xml is 471859200 bytes, more than the 33554432 accepted", (u, k) ->
                        u.store().putGenerated(BUCKET, k.workerFile("bad", ResultKeys.XML), "<FinalStatus><x>".getBytes(StandardCharsets.UTF_8),
                                450L << 20, 450L << 20)),
                hostile("XML that claims 1 KB and streams 450 MB", "more than the 33554432 accepted", (u, k) ->
                        u.store().putGenerated(BUCKET, k.workerFile("bad", ResultKeys.XML), "<FinalStatus><x>".getBytes(StandardCharsets.UTF_8),
                                1024, 450L << 20)),
                hostile("450 MB histograms", "bad.hdr.json is 471859200 bytes", (u, k) ->
                        u.store().putGenerated(BUCKET, k.workerFile("bad", ResultKeys.HISTOGRAMS), "{\"labels\":\"".getBytes(StandardCharsets.UTF_8),
                                450L << 20, 450L << 20)),
                hostile("truncated XML", "unreadable Taurus results XML", (u, k) ->
                        u.xml(k, "bad", xml("100", "90", "10", "0.01", "90", "10").substring(0, 150))),
                hostile("invalid UTF-8", "unreadable Taurus results XML", (u, k) -> u.uploads().xml(k, "bad",
                        new byte[] {'<', 'F', 'i', 'n', 'a', 'l', 'S', 't', 'a', 't', 'u', 's', '>', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '<', '/'})),
                hostile("1e30 requests", "'1e30', expected a count", (u, k) -> u.xml(k, "bad", xml("1e30", "1e30", "0", "0.01", "1e30", "0"))),
                hostile("NaN requests", "'NaN', expected a count", (u, k) -> u.xml(k, "bad", xml("NaN", "0", "0", "0.01", "0", "0"))),
                hostile("NaN response time", "<avg_rt> has value 'NaN'", (u, k) -> u.xml(k, "bad", xml("100", "90", "10", "NaN", "90", "10"))),
                hostile("negative count", "<fail> has value '-10'", (u, k) -> u.xml(k, "bad", xml("100", "110", "-10", "0.01", "90", "10"))),
                hostile("fractional count", "'89.5', expected a count", (u, k) -> u.xml(k, "bad", xml("100", "89.5", "10.5", "0.01", "90", "10"))),
                hostile("succ + fail != throughput", "succ 90 + fail 20 is not the throughput 100", (u, k) ->
                        u.xml(k, "bad", xml("100", "90", "20", "0.01", "90", "10"))),
                hostile("response codes != throughput", "response codes count 150 samples, the throughput 100", (u, k) ->
                        u.xml(k, "bad", xml("100", "90", "10", "0.01", "140", "10"))),
                hostile("wrong histogram cookie", "histogram of label 'home' cannot be decoded: has cookie", (u, k) ->
                        u.histograms(k, "bad", sidecar(forge(valid(), bytes -> bytes[3] ^= 0x40)))),
                hostile("huge histogram length", "histogram of label 'home' cannot be decoded: claims 2147483647 compressed bytes", (u, k) ->
                        u.histograms(k, "bad", sidecar(forge(valid(), bytes -> ByteBuffer.wrap(bytes).putInt(4, Integer.MAX_VALUE))))),
                hostile("bad histogram compression", "histogram of label 'home' cannot be decoded: has bad compressed data", (u, k) ->
                        u.histograms(k, "bad", sidecar(forge(valid(), bytes -> Arrays.fill(bytes, 8, bytes.length, (byte) 0x33))))),
                hostile("histogram counts that overflow", "histogram of label 'home' cannot be decoded: has counts whose total overflows", (u, k) -> {
                    Histogram h = LatencyHistograms.newHistogram();
                    h.recordValueWithCount(1_000, Long.MAX_VALUE / 2 + 1);
                    h.recordValueWithCount(2_000, Long.MAX_VALUE / 2 + 1);
                    u.histograms(k, "bad", sidecar(encode(h)));
                }),
                hostile("histogram totals unlike the XML", "histogram of label 'home' counts 5000 samples, the Taurus XML 50", (u, k) -> {
                    Histogram h = LatencyHistograms.newHistogram();
                    h.recordValueWithCount(1_000, 5_000);
                    u.histograms(k, "bad", sidecar(encode(h)));
                }),
                hostile("histogram file that is not JSON", "histogram file is not well-formed JSON", (u, k) ->
                        u.histograms(k, "bad", "{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"home\":".getBytes(StandardCharsets.UTF_8))),
                hostile("histograms in the report that cannot be decoded", "unreadable report: the report's histograms: histogram of label"
                        + " 'home' cannot be decoded: has bad compressed data", (u, k) ->
                        u.reportWithHistograms(k, "bad", sidecar(forge(valid(), bytes -> Arrays.fill(bytes, 8, bytes.length, (byte) 0x33))))),
                hostile("histograms in the report unlike the XML (the sound .hdr.json is not read)",
                        "histogram of label 'home' counts 5000 samples, the Taurus XML 50", (u, k) -> {
                            Histogram h = LatencyHistograms.newHistogram();
                            h.recordValueWithCount(1_000, 5_000);
                            u.reportWithHistograms(k, "bad", sidecar(encode(h)));
                        }),
                hostile("histograms in the report that are not an object", "the report's histograms: histogram file is not a JSON object",
                        (u, k) -> u.reportWithHistograms(k, "bad", "[1]".getBytes(StandardCharsets.UTF_8))),
                hostile("unreadable report", "unreadable report", (u, k) -> u.store().put(BUCKET, k.workerFile("bad", ResultKeys.REPORT),
                        "{\"workerId\": [[[[".getBytes(StandardCharsets.UTF_8), "application/json")),
                hostile("report that ends before it starts", "before it started", (u, k) -> u.report(k, "bad", START, START - 1)),
                hostile("absurd byte count", "<bytes> has value '9223372036854775807', expected a count", (u, k) ->
                        u.xml(k, "bad", xml("100", "90", "10", "0.01", "90", "10").replace("<bytes value=\"1000\"/>",
                                "<bytes value=\"" + Long.MAX_VALUE + "\"/>"))));
    }

    /**
     * Two good workers and a hostile one: the hostile one is excluded with a reason naming the problem,
     * the good ones are aggregated exactly, and nothing is thrown.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileWorkers")
    void garbageFromOneWorkerExcludesOnlyThatWorker(String name, String reason, BiConsumer<HostileUpload, ResultKeys> garbage) {
        RunPlan run = plan("run-h", "good1", "bad", "good2");
        ResultKeys k = run.keys(run.regions().get(0));
        uploads.upload(k, "good1", uploads.record(LABELS, 100, 2_000), START);
        uploads.upload(k, "good2", uploads.record(LABELS, 300, 6_000), START);
        // the hostile worker first uploads sound files, then its garbage replaces one of them
        uploads.upload(k, "bad", uploads.record(new String[] {"home"}, 50, 1_000), START);
        garbage.accept(new HostileUpload(uploads, store), k);

        Collected collected = collector.collect(run);
        RunSummary summary = summarizer.summarize("run-h", collected);

        assertThat(summary.excluded()).singleElement().satisfies(e -> {
            assertThat(e.workerId()).isEqualTo("bad");
            assertThat(e.region()).isEqualTo("eks");
            assertThat(e.reason()).contains(reason);
        });
        assertThat(summary.aggregated()).isEqualTo(2);
        assertThat(summary.result().getRequests()).isEqualTo(2 * (100 + 300));
        assertThat(summary.result().getFailures()).isEqualTo(2 * (10 + 30));
        assertThat(summary.result().getBytes()).isEqualTo(100L * 2 * (100 + 300));
        assertThat(summary.result().getPerLabel()).extracting(l -> l.getLabel()).containsExactlyInAnyOrder("home", "buy");
        assertThat(summary.result().getPerRegion()).singleElement().satisfies(r -> assertThat(r.getRequests()).isEqualTo(800));
        assertThat(summary.result().getP50Ms()).isBetween(2.0, 6.4);
        assertThat(summary.result().getPercentilesExact()).isTrue();
        assertThat(summary.allCompleted()).isFalse();
        assertThat(collected.allReported()).isTrue();
    }

    /** What a hostile worker's garbage is written with. */
    record HostileUpload(WorkerUploads uploads, FakeResultStore store) {
        void xml(ResultKeys k, String id, String xml) {
            uploads.xml(k, id, xml);
        }

        void histograms(ResultKeys k, String id, byte[] json) {
            uploads.histograms(k, id, json);
        }

        void report(ResultKeys k, String id, long startedAt, long finishedAt) {
            uploads.report(k, id, startedAt, finishedAt);
        }

        void reportWithHistograms(ResultKeys k, String id, byte[] histograms) {
            uploads.reportWithHistograms(k, id, START, START + 10_000, histograms);
        }
    }

    private static Arguments hostile(String name, String reason, BiConsumer<HostileUpload, ResultKeys> garbage) {
        return Arguments.of(name, reason, garbage);
    }

    /** A Taurus report with the label {@code home} and the overall group, both with these raw values. */
    static String xml(String throughput, String succ, String fail, String avgRt, String rc200, String rc503) {
        String group = "<throughput value=\"%s\"/><succ value=\"%s\"/><fail value=\"%s\"/><avg_rt value=\"%s\"/>"
                .formatted(throughput, succ, fail, avgRt)
                + "<stdev_rt value=\"0.001\"/><avg_lt value=\"0.001\"/><avg_ct value=\"0.0001\"/><bytes value=\"1000\"/>"
                + "<concurrency value=\"1\"/><rc param=\"200\" value=\"%s\"/><rc param=\"503\" value=\"%s\"/>".formatted(rc200, rc503)
                + "<perc param=\"50.0\" value=\"0.01\"/><perc param=\"95.0\" value=\"0.02\"/>";
        return "<FinalStatus><TestDuration>10.0</TestDuration><Group label=\"home\">" + group + "</Group><Group label=\"\">" + group
                + "</Group></FinalStatus>";
    }

    private static byte[] valid() {
        Histogram h = LatencyHistograms.newHistogram();
        for (int i = 0; i < 50; i++) {
            h.recordValue(1_000 + i);
        }
        return encode(h);
    }

    private static byte[] forge(byte[] encoded, java.util.function.Consumer<byte[]> change) {
        change.accept(encoded);
        return encoded;
    }

    private static byte[] encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    private static byte[] sidecar(byte[] home) {
        return ("{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"home\":\"" + Base64.getEncoder().encodeToString(home) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static RunPlan plan(String runId, String... workers) {
        return new RunPlan(new RunRef("ns", "test", "uid", runId),
                List.of(new RegionPlan(RegionPlan.CLUSTER_REGION, "eks-fargate", List.of(workers), BUCKET, null, false)), null, "native",
                Duration.ofSeconds(10));
    }
}
