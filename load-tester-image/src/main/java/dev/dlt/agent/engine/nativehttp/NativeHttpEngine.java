package dev.dlt.agent.engine.nativehttp;

import dev.dlt.results.layout.OpenModelReport;
import dev.dlt.agent.engine.EngineReport;
import dev.dlt.agent.engine.LoadEngine;
import dev.dlt.agent.engine.OpenSampleSink;
import dev.dlt.agent.engine.SampleSink;
import dev.dlt.agent.scenario.TestPlan;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The built-in HTTP engine: a closed model of virtual users on virtual threads, each speaking
 * HTTP/1.1 over raw sockets, with its own keep-alive connection to each origin (http, or https
 * with the JVM's default trust and host name verification).
 *
 * <p>User {@code i} of {@code n} starts at {@code rampUp * i / n}; every user cycles through the
 * plan's requests in order until ramp-up plus hold-for has elapsed, lets its request in flight
 * finish (bounded by the request timeout) and stops. Each request yields one sample; a request
 * without an HTTP response reports its exception's simple class name as the response code, after
 * which the user pauses {@value #BACK_OFF_MILLIS} ms before reconnecting. The plan's headers are
 * sent as given, except Content-Length, Transfer-Encoding and Connection, which the engine sets.
 *
 * <p>One run at a time. {@link #stop()} is sticky: once called, a later {@link #run} returns at once.
 */
public final class NativeHttpEngine implements LoadEngine {

    /** Pause after a request that got no HTTP response. */
    public static final long BACK_OFF_MILLIS = 10;

    private final AtomicReference<EngineRun> current = new AtomicReference<>();
    private final AtomicReference<OpenModelRun> currentOpen = new AtomicReference<>();
    private volatile boolean stopRequested;

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a request's URL, method or headers cannot be sent
     * @throws IllegalStateException    if another run is in progress, or a virtual user failed
     *                                  unexpectedly (for instance the sink threw)
     */
    @Override
    public EngineReport run(TestPlan plan, SampleSink sink) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        PreparedPlan prepared = PreparedPlan.of(plan);
        Instant startedAt = Instant.now();
        EngineRun run = new EngineRun(prepared, plan.load(), sink, System.nanoTime());
        if (!current.compareAndSet(null, run)) {
            throw new IllegalStateException("this engine is already running a plan");
        }
        try {
            if (stopRequested) {
                run.stop();
            }
            run.start();
            run.awaitUsers();
        } finally {
            current.set(null);
        }
        if (run.failure() != null) {
            throw new IllegalStateException("a virtual user failed", run.failure());
        }
        return new EngineReport(startedAt, Instant.now(), run.startedUsers(), run.stopRequested());
    }

    /** What an open-model run did: the engine's report and the schedule's. */
    public record OpenRun(EngineReport report, OpenModelReport open) {
    }

    /**
     * Runs the plan's {@link TestPlan#arrival() arrival rate} from now (see {@link OpenModelRun}):
     * iteration {@code i} sends request {@code i mod n} of the plan at its scheduled instant, each
     * sample timed both from that instant and from the actual send.
     *
     * @throws IllegalArgumentException if the plan has no arrival rate, or a request cannot be sent
     * @throws IllegalStateException    if another run is in progress, or an iteration failed unexpectedly
     */
    public OpenRun runOpen(TestPlan plan, OpenSampleSink sink) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        if (plan.arrival() == null) {
            throw new IllegalArgumentException("the plan has no arrival rate");
        }
        PreparedPlan prepared = PreparedPlan.of(plan);
        OpenModelRun run = new OpenModelRun(prepared, new ArrivalSchedule(plan.arrival()), plan.arrival().maxConcurrency(),
                plan.load().requestTimeout().toNanos(), sink);
        if (!currentOpen.compareAndSet(null, run)) {
            throw new IllegalStateException("this engine is already running a plan");
        }
        Instant startedAt = Instant.now();
        OpenModelReport open;
        try {
            if (stopRequested) {
                run.stop();
            }
            open = run.run(System.nanoTime());
        } finally {
            currentOpen.set(null);
        }
        return new OpenRun(new EngineReport(startedAt, Instant.now(), run.peakConcurrency(), stopRequested), open);
    }

    /**
     * Loads and initializes the classes of the request path (the engine's and the JDK's socket
     * channels) ahead of a run. On a fresh JVM this costs a few hundred milliseconds of CPU on the
     * one carrier every user shares: done inside the run, it would be counted in the first sample of
     * every user still waiting for its response.
     */
    public static void warmUp() throws IOException {
        try (SocketChannel channel = SocketChannel.open()) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
        }
        new HttpExchange(1).status();
        new HttpConnection(Origin.of(URI.create("http://127.0.0.1/")), ResponseParser.MAX_HEADER_BYTES).close();
        CarrierYield.prepare();
    }

    /** The virtual users started and not yet done in the current run; 0 between runs. */
    public int activeUsers() {
        EngineRun run = current.get();
        return run == null || !run.active() ? 0 : run.startedUsers();
    }

    @Override
    public void stop() {
        stopRequested = true;
        EngineRun run = current.get();
        if (run != null) {
            run.stop();
        }
        OpenModelRun open = currentOpen.get();
        if (open != null) {
            open.stop();
        }
    }
}
