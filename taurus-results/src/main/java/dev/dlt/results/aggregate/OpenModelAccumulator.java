package dev.dlt.results.aggregate;

import dev.dlt.results.check.InvalidResultException;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.layout.OpenModelReport;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The open-model side of a run's aggregate: iterations due, sent and dropped summed over workers,
 * their rates summed (workers run side by side), and the service-time histograms merged exactly.
 * Thread-safe.
 */
public final class OpenModelAccumulator {

    /** More iterations than any worker can schedule (a million per second for a year is 3e13): the sums never overflow. */
    static final long MAX_ITERATIONS = 1L << 50;

    private final Histogram service = LatencyHistograms.newHistogram();
    private long due;
    private long sent;
    private long dropped;
    private double requestedRate;
    private double achievedRate;
    private int workers;
    private int withoutServiceTimes;

    /** What the run's open-model workers add up to; {@code serviceExact} is false when one sent no service-time histogram. */
    public record Result(long due, long sent, long dropped, double requestedRate, double achievedRate, int workers,
                         Histogram service, boolean serviceExact) {
    }

    /** Rejects a worker's open-model report that cannot be true, before anything of the worker is merged. */
    public static void check(OpenModelReport report) throws InvalidResultException {
        if (report == null) {
            return;
        }
        if (report.due() < 0 || report.sent() < 0 || report.dropped() < 0) {
            throw new InvalidResultException("its open-model counts are negative");
        }
        if (report.due() > MAX_ITERATIONS) {
            throw new InvalidResultException("it says " + report.due() + " iterations were due, more than any schedule holds");
        }
        if (report.sent() > report.due() || report.dropped() > report.due() - report.sent()) {
            throw new InvalidResultException("it says it sent " + report.sent() + " and dropped " + report.dropped()
                    + " of " + report.due() + " iterations due");
        }
        if (!(report.seconds() >= 0) || !(report.requestedRate() >= 0) || Double.isInfinite(report.seconds())
                || Double.isInfinite(report.requestedRate())) {
            throw new InvalidResultException("its open-model duration or rate is not a finite number >= 0");
        }
    }

    /**
     * Merges one worker's report (already {@link #check checked}) and its overall service-time histogram.
     *
     * @param serviceOverall null when the worker uploaded no service-time histogram
     */
    public synchronized void add(OpenModelReport report, SparseHistogram serviceOverall) {
        due += report.due();
        sent += report.sent();
        dropped += report.dropped();
        requestedRate += report.requestedRate();
        achievedRate += report.achievedRate();
        workers++;
        if (serviceOverall == null) {
            withoutServiceTimes++;
        } else {
            service.add(serviceOverall.toHistogram());
        }
    }

    /** Empty when no open-model worker was merged (a closed-model run). */
    public synchronized Optional<Result> result() {
        return workers == 0 ? Optional.empty()
                : Optional.of(new Result(due, sent, dropped, requestedRate, achievedRate, workers, service.copy(), withoutServiceTimes == 0));
    }
}
