package dev.dlt.results.layout;

/**
 * Where a run's files live in the S3 bucket. The scenario goes to
 * {@code test-scenarios/<testId>/<runId>/<region>.json}; each worker uploads
 * {@code results/<testId>/<runId>/<region>/<workerId>.xml} (Taurus), {@code .hdr.json} (histograms)
 * and {@code .json} (its report, with the histograms too when they fit: {@link WorkerReportFile}), for an
 * open-model run also {@code .service.hdr.json} (service-time histograms); the leader uploads {@code leader.json} there.
 */
public record ResultKeys(String testId, String runId, String region) {

    public static final String XML = ".xml";
    public static final String HISTOGRAMS = ".hdr.json";
    /** The service-time histograms of an open-model run (its main histograms are timed from the intended send). */
    public static final String SERVICE_HISTOGRAMS = ".service.hdr.json";
    public static final String REPORT = ".json";
    public static final String LEADER = "leader";
    /** A worker's live record while it runs, overwritten every interval (see {@code dev.dlt.results.live.LiveRecord}). */
    public static final String LIVE = ".live.json";

    public String scenario() {
        return "test-scenarios/" + testId + "/" + runId + "/" + region + ".json";
    }

    /** The list of worker addresses a leader reads when it is too big for the launch request itself. */
    public String workerAddresses() {
        return "test-scenarios/" + testId + "/" + runId + "/" + region + "-workers.json";
    }

    /** Where a region's leader says that it reached every worker and waits for the start instant. */
    public String leaderReady() {
        return "test-scenarios/" + testId + "/" + runId + "/" + region + "-leader-ready.json";
    }

    /** Where the operator puts the start instant of every region (the same object in each region's bucket). */
    public String startSignal() {
        return "test-scenarios/" + testId + "/" + runId + "/start.json";
    }

    public String resultsPrefix() {
        return "results/" + testId + "/" + runId + "/" + region + "/";
    }

    public String runPrefix() {
        return "results/" + testId + "/" + runId + "/";
    }

    public String workerFile(String workerId, String suffix) {
        return resultsPrefix() + workerId + suffix;
    }

    /** The run's merged per-interval series, written when the run ends. */
    public String timeline() {
        return runPrefix() + "timeline.json";
    }

    /** The run's self-contained HTML report. */
    public String report() {
        return runPrefix() + "report.html";
    }

    public String leaderReport() {
        return resultsPrefix() + LEADER + REPORT;
    }
}
