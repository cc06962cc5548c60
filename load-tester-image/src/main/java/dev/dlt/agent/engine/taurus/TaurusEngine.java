package dev.dlt.agent.engine.taurus;

import dev.dlt.agent.engine.EngineInput;
import dev.dlt.agent.engine.EngineOutput;
import dev.dlt.agent.engine.EngineReport;
import dev.dlt.agent.engine.LiveCounters;
import dev.dlt.agent.engine.WorkerEngine;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusDuration;

import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import dev.dlt.results.taurus.TaurusFormatException;
import dev.dlt.results.taurus.TaurusXmlReader;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The engine DLT's workers use: Taurus ({@code bzt}) driving JMeter, as a child process. {@link #prepare}
 * fetches and checks a JMeter plan and writes the bzt config; {@link #run} starts bzt, bounded by
 * ramp-up + hold-for + a grace, and picks up its results.xml, kpi.jtl and logs.
 */
public final class TaurusEngine implements WorkerEngine {

    public static final String NAME = "taurus";
    static final String CONFIG_FILE = "bzt.json";
    static final String CONSOLE_LOG = "bzt.log";
    private static final Logger LOG = Logger.getLogger(TaurusEngine.class.getName());

    private final TaurusSettings settings;
    private final Object lock = new Object();
    private volatile PreparedRun prepared;
    private final IntervalRecorder intervals = new IntervalRecorder();
    private final KpiJtlTail tail = new KpiJtlTail(this::kpiJtl, intervals);
    private BztProcess process; // guarded by lock
    private boolean stopped; // guarded by lock

    private record PreparedRun(Path config, Path workingDir, Path workDir, RunArtifacts artifacts, Duration planned,
                               Duration deadline, int concurrency) {
    }

    public TaurusEngine() {
        this(TaurusSettings.fromEnv(System.getenv()));
    }

    public TaurusEngine(TaurusSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void prepare(EngineInput input) throws IOException {
        TaurusConfig config = input.config();
        Duration planned = duration("ramp-up", config.rampUp()).plus(duration("hold-for", config.holdFor()));
        Duration deadline = planned.plus(settings.grace());
        JmeterPlan plan = config.script() == null ? null
                : new PlanResolver(settings.jmeterHome(), new PlanArchive()).resolve(config.script(), input.files(), input.workDir());
        Path artifacts;
        try {
            artifacts = Files.createTempDirectory(Files.createDirectories(settings.artifactsRoot()), "run-");
        } catch (IOException e) {
            throw new IOException("cannot create a Taurus artifacts dir under " + settings.artifactsRoot()
                    + " (" + TaurusSettings.ARTIFACTS_DIR + "): " + e, e);
        }
        Path bztConfig = input.workDir().resolve(CONFIG_FILE);
        BztConfig.write(input.configJson(), artifacts, plan, settings.jmeterHome(), bztConfig);
        // relative data files of a plan resolve next to it
        Path workingDir = plan == null ? input.workDir() : plan.folder();
        prepared = new PreparedRun(bztConfig, workingDir, input.workDir(), new RunArtifacts(artifacts), planned, deadline,
                config.concurrency());
        LOG.info(() -> "bzt config " + bztConfig + " ready" + (plan == null ? "" : " for plan " + plan.jmx())
                + "; artifacts in " + artifacts);
    }

    @Override
    public EngineOutput run() throws IOException, InterruptedException {
        PreparedRun run = prepared;
        if (run == null) {
            throw new IllegalStateException("prepare() must succeed before run()");
        }
        Instant startedAt = Instant.now();
        BztProcess bzt;
        synchronized (lock) {
            if (stopped) {
                LOG.info("stopped before bzt started; no load generated");
                return nothing(startedAt, run.concurrency());
            }
            bzt = BztProcess.start(settings.bzt(), run.config(), run.workingDir(), settings.bztHome(),
                    run.workDir().resolve(CONSOLE_LOG), settings.stopTimeout(), run.artifacts().dir());
            process = bzt;
        }
        BztProcess.Exit exit = bzt.await(run.deadline());
        Instant finishedAt = Instant.now();
        return collect(run, exit, startedAt, finishedAt);
    }

    @Override
    public void stop() {
        BztProcess running;
        synchronized (lock) {
            stopped = true;
            running = process;
        }
        if (running != null) {
            running.terminate();
        }
    }

    /** Live records from kpi.jtl as JMeter writes it: each interval records the rows appended since the last one. */
    @Override
    public LiveCounters live() {
        return index -> {
            tail.drain();
            return intervals.roll(index, tail.users());
        };
    }

    private Optional<Path> kpiJtl() {
        PreparedRun run = prepared;
        if (run == null) {
            return Optional.empty();
        }
        try {
            return run.artifacts().find("kpi.jtl");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The artifacts dir of the prepared run. */
    Path artifactsDir() {
        return prepared.artifacts().dir();
    }

    private EngineOutput collect(PreparedRun run, BztProcess.Exit exit, Instant startedAt, Instant finishedAt) throws IOException {
        Path xml = run.artifacts().resultsXml();
        if (!Files.isRegularFile(xml)) {
            throw new IOException(describe(exit, run.deadline()) + " and wrote no " + BztConfig.RESULTS_XML
                    + "; bzt's last output:\n" + exit.tail());
        }
        if (Files.size(xml) > TaurusXmlReader.MAX_BYTES) {
            throw new IOException("bzt wrote a " + xml + " bigger than " + TaurusXmlReader.MAX_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(xml);
        FinalStatus status;
        try {
            status = TaurusXmlReader.read(bytes);
        } catch (TaurusFormatException e) {
            throw new IOException("bzt wrote an unusable " + xml + ": " + e.getMessage(), e);
        }
        boolean early = exit.terminated() || exit.killed();
        // a bzt that ended on its own with an error failed; its partial results are still worth having
        String failure = !early && exit.code() != 0 ? describe(exit, run.deadline()) + "; bzt's last output:\n" + exit.tail() : null;
        if (early || failure != null) {
            LOG.warning(() -> describe(exit, run.deadline()) + "; returning the results it wrote");
        }
        KpiJtlReader.Samples samples = run.artifacts().samples(status);
        List<String> flags = early ? List.of() : flags(status, samples, run.planned(), Duration.between(startedAt, finishedAt));
        if (!flags.isEmpty()) {
            LOG.warning(() -> "bzt's run is suspect " + flags + ": " + samples.count() + " samples, "
                    + status.overall().map(GroupStats::fail).orElse(0L) + " failed, load over " + TaurusDuration.format(samples.span())
                    + " (bzt ran " + TaurusDuration.format(Duration.between(startedAt, finishedAt)) + ") of a planned "
                    + TaurusDuration.format(run.planned()));
        }
        // when load really started and ended: JMeter's first and last sample, not bzt's and JMeter's start-up
        Instant loadStart = samples.span().isZero() ? startedAt : Instant.ofEpochMilli(samples.firstStartMs());
        Instant loadEnd = samples.span().isZero() ? finishedAt : Instant.ofEpochMilli(samples.lastEndMs());
        return new EngineOutput(new EngineReport(loadStart, loadEnd, run.concurrency(), early, failure, flags), bytes,
                samples.histograms(), samples.count(), run.artifacts().logs(run.workDir().resolve(CONSOLE_LOG), run.workDir()));
    }

    /**
     * What makes a run that bzt ended on its own suspect: no samples, only failed ones, or load that
     * lasted less than half of ramp-up + hold-for (measured on kpi.jtl's samples when it has their
     * timestamps, else on bzt's own run time, which includes its start-up).
     */
    static List<String> flags(FinalStatus status, KpiJtlReader.Samples samples, Duration planned, Duration ran) {
        List<String> flags = new ArrayList<>();
        long total = Math.max(samples.count(), status.overall().map(GroupStats::throughput).orElse(0L));
        if (total == 0) {
            flags.add(WorkerReport.NO_SAMPLES);
        } else if (status.overall().map(GroupStats::fail).orElse(0L) >= total) {
            flags.add(WorkerReport.ONLY_ERRORS);
        }
        Duration loaded = samples.span().isZero() ? ran : samples.span();
        if (loaded.multipliedBy(2).compareTo(planned) < 0) {
            flags.add(WorkerReport.SHORT_RUN);
        }
        return List.copyOf(flags);
    }

    private static String describe(BztProcess.Exit exit, Duration deadline) {
        String end = exit.killed() ? "was killed after ignoring SIGTERM" : "exited with code " + exit.code();
        if (exit.deadlineReached()) {
            return "bzt ran past its deadline of " + TaurusDuration.format(deadline) + " and was stopped; it " + end;
        }
        return exit.terminated() ? "bzt was stopped and " + end : "bzt " + end;
    }

    private static EngineOutput nothing(Instant at, int concurrency) {
        RecordedResults empty = new ResultRecorder().snapshot(0);
        return new EngineOutput(new EngineReport(at, at, concurrency, true), TaurusXmlWriter.toBytes(empty.status()),
                empty.histograms(), 0, Map.of());
    }

    private static Duration duration(String field, String value) throws IOException {
        try {
            return value == null ? Duration.ZERO : TaurusDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid scenario: " + field + " " + e.getMessage(), e);
        }
    }
}
