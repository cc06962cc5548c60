package dev.dlt.operator.results;

import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.run.RunLogContext;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.histogram.HistogramDecoder;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects a run's results from S3 as workers report: lists each region's results folder, reads
 * the files of every worker whose report appeared since the last poll (several workers at once) and
 * merges them into the run's aggregate. Workers already read are kept in memory per run id until
 * {@link #forget}; garbage from a worker excludes that worker, a failure of S3 is thrown.
 */
public class ResultCollector {

    /** Workers read at once: enough to hide S3's latency, few enough to bound the memory of results in flight. */
    public static final int READERS = 16;
    /** Runs kept in memory; the least recently collected beyond this is dropped and would be read again. */
    static final int MAX_RUNS = 32;

    private final ObjectStore store;
    private final WorkerReader reader;
    private final int readers;
    private final Map<String, RunCollection> runs = new LinkedHashMap<>(16, 0.75f, true);

    public ResultCollector(ObjectStore store) {
        this(store, READERS);
    }

    /** @param readers how many workers are read at once */
    public ResultCollector(ObjectStore store, int readers) {
        this.store = store;
        this.reader = new WorkerReader(store);
        this.readers = readers;
    }

    /**
     * What S3 holds of the run now; reads only what earlier calls have not read.
     *
     * @throws RuntimeException when S3 fails (what was read before the failure is kept)
     */
    public Collected collect(RunPlan plan) {
        RunCollection run = run(plan.run().runId());
        synchronized (run.collecting) {
            List<CollectedWorker> workers = new ArrayList<>();
            List<Read> reads = new ArrayList<>();
            for (RegionPlan region : plan.regions()) {
                ResultKeys keys = plan.keys(region);
                Set<String> present = names(region.bucket(), keys.resultsPrefix());
                for (String workerId : workerIds(region, present)) {
                    Optional<CollectedWorker> done = run.done(region.region(), workerId);
                    if (done.isPresent()) {
                        workers.add(done.get());
                    } else if (present.contains(workerId + ResultKeys.REPORT)) {
                        reads.add(new Read(region.bucket(), keys, workerId, present, workers.size()));
                        workers.add(null);
                    } else {
                        workers.add(CollectedWorker.missing(region.region(), workerId));
                    }
                }
                if (!run.leaders().containsKey(region.region()) && present.contains(ResultKeys.LEADER + ResultKeys.REPORT)) {
                    leaderReport(region.bucket(), keys).ifPresent(report -> run.leaders().put(region.region(), report));
                }
            }
            readAll(reads, plan, run).forEach((index, worker) -> workers.set(index, worker));
            return new Collected(workers, run.leaders(), run.snapshot());
        }
    }

    /** Drops what is kept of a run that has ended. */
    public void forget(String runId) {
        synchronized (runs) {
            runs.remove(runId);
        }
    }

    /** A leader's report; empty when there is none yet or it is unreadable (garbage is not a report). */
    public Optional<LeaderReport> leaderReport(String bucket, ResultKeys keys) {
        try {
            Optional<InputStream> in = store.open(bucket, keys.leaderReport(), ResultFiles.MAX_LEADER_REPORT_BYTES);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = in.get()) {
                return Optional.of(WorkerReader.JSON.readValue(stream, LeaderReport.class));
            }
        } catch (Exception e) {
            WorkerReader.describe(e); // rethrows a failure of S3
            return Optional.empty();
        }
    }

    private RunCollection run(String runId) {
        synchronized (runs) {
            RunCollection run = runs.computeIfAbsent(runId, id -> new RunCollection());
            if (runs.size() > MAX_RUNS) {
                runs.remove(runs.keySet().iterator().next());
            }
            return run;
        }
    }

    private Set<String> names(String bucket, String prefix) {
        Set<String> names = new HashSet<>();
        for (String key : store.list(bucket, prefix)) {
            String name = key.substring(prefix.length());
            if (!name.contains("/")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The planned ids, or for regions whose workers name themselves, the ids of the reports in S3
     * padded with placeholders up to the planned count (a worker that never reported is missing).
     */
    private static List<String> workerIds(RegionPlan region, Set<String> present) {
        if (!region.idsLearned()) {
            return region.workerIds();
        }
        List<String> ids = new ArrayList<>(present.stream()
                .filter(name -> name.endsWith(ResultKeys.REPORT) && !name.endsWith(ResultKeys.HISTOGRAMS) && !name.endsWith(ResultKeys.LIVE))
                .map(name -> name.substring(0, name.length() - ResultKeys.REPORT.length()))
                .filter(id -> !ResultKeys.LEADER.equals(id))
                .sorted().toList());
        for (int missing = 1; ids.size() < region.workerIds().size(); missing++) {
            ids.add("unreported-" + missing);
        }
        return ids;
    }

    /**
     * Reads workers in parallel and merges each, as its read ends, in this thread (merging in the readers
     * made them queue for the run's lock); stops starting new reads after the first failure of S3, and throws it.
     */
    private Map<Integer, CollectedWorker> readAll(List<Read> reads, RunPlan plan, RunCollection run) {
        Map<Integer, CollectedWorker> result = new LinkedHashMap<>();
        if (reads.isEmpty()) {
            return result;
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ThreadLocal<HistogramDecoder> decoders = ThreadLocal.withInitial(HistogramDecoder::new);
        // read but not yet merged: bounds the parsed results in memory when merging falls behind
        Semaphore unmerged = new Semaphore(2 * readers);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(readers, reads.size()),
                Thread.ofPlatform().name("dlt-results-reader-", 0).daemon().factory());
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            WorkerRead[] read = new WorkerRead[reads.size()];
            for (int i = 0; i < reads.size(); i++) {
                int index = i;
                Read next = reads.get(i);
                done.submit(RunLogContext.carried(() -> {
                    if (failure.get() != null) {
                        return index;
                    }
                    unmerged.acquire();
                    boolean handedOver = false;
                    try {
                        read[index] = reader.read(next.bucket(), next.keys(), next.workerId(), next.present(), plan.loadDuration(),
                                decoders.get());
                        handedOver = read[index].holdsResults();
                        return index;
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    } finally {
                        if (!handedOver) {
                            unmerged.release();
                        }
                    }
                }));
            }
            for (int i = 0; i < reads.size(); i++) {
                Integer index = await(done.take(), failure);
                if (index == null || read[index] == null) {
                    continue;
                }
                CollectedWorker worker = read[index].complete(run);
                if (read[index].holdsResults()) {
                    unmerged.release();
                }
                read[index] = null;
                if (worker.reported()) {
                    run.finish(worker);
                }
                result.put(reads.get(index).index(), worker);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading results", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result;
    }

    private static Integer await(Future<Integer> future, AtomicReference<RuntimeException> failure) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // thrown once every read has ended
            failure.compareAndSet(null, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
            return null;
        }
    }

    /** One worker to read, and its place in the list of workers. */
    private record Read(String bucket, ResultKeys keys, String workerId, Set<String> present, int index) {
    }
}
