package dev.dlt.agent.gate;

import dev.dlt.results.layout.LeaderReport;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * The leader side of the start gate. First it makes sure every worker is reachable (in parallel,
 * with connect timeouts and retries until a deadline); only then it picks a start instant a little
 * in the future and sends every worker the signed start message, collecting acknowledgements. If
 * some worker is still unreachable at the deadline, nobody is started. A worker whose start connection
 * is dropped or not acknowledged is tried again with the same message until the reach deadline.
 */
public final class StartLeader {

    private static final Logger LOG = Logger.getLogger(StartLeader.class.getName());

    private final String testId;
    private final String runId;
    private final String region;
    private final byte[] secret;
    private final LeaderSettings settings;
    private final Clock clock;

    public StartLeader(String testId, String runId, String region, byte[] secret, LeaderSettings settings, Clock clock) {
        this.testId = testId;
        this.runId = runId;
        this.region = region;
        this.secret = secret.clone();
        this.settings = settings;
        this.clock = clock;
    }

    /** Reaches every worker, then starts them at now + the lead time. */
    public LeaderReport start(List<WorkerAddress> workers) throws InterruptedException {
        return start(workers, () -> clock.millis() + settings.leadTime().toMillis());
    }

    /** Reaches every worker, then starts them at the instant {@code source} gives once they are all reachable. */
    public LeaderReport start(List<WorkerAddress> workers, StartInstantSource source) throws InterruptedException {
        long reachDeadline = clock.millis() + settings.reachDeadline().toMillis();
        List<WorkerLink> links = workers.stream().map(a -> new WorkerLink(a, settings, clock)).toList();
        runAll(links, link -> link.awaitReachable(reachDeadline));
        List<WorkerLink> unreachable = links.stream().filter(l -> !l.reachable()).toList();
        if (!unreachable.isEmpty()) {
            String message = unreachable.size() + " of " + links.size() + " workers not reachable by the deadline, none started: "
                    + unreachable.stream().map(l -> l.address() + " (" + l.error() + ")").limit(10).toList();
            LOG.warning(message);
            return new LeaderReport(region, 0, 0, LeaderReport.ABORTED, message, acks(links));
        }
        GateCodec.warmUp(secret);
        long startAt;
        try {
            startAt = source.startAt();
        } catch (IOException e) {
            String message = "all " + links.size() + " workers reachable, but no start instant: " + e.getMessage() + "; none started";
            LOG.warning(message);
            return new LeaderReport(region, 0, 0, LeaderReport.ABORTED, message, acks(links));
        }
        String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        StartMessage message = new StartMessage(testId, runId, region, startAt, clock.millis(), nonce);
        byte[] frame = GateCodec.encode(GateFrame.START, message).signed(secret);
        long sendDeadline = sendDeadline(startAt, reachDeadline);
        runAll(links, link -> link.sendStart(frame, secret, message, sendDeadline));
        long acked = links.stream().filter(WorkerLink::acknowledged).count();
        String outcome = acked == links.size() ? LeaderReport.STARTED : LeaderReport.PARTIAL;
        String summary = acked + " of " + links.size() + " workers acknowledged the start at " + startAt;
        LOG.info(summary);
        return new LeaderReport(region, startAt, message.sentAtMs(), outcome, summary, acks(links));
    }

    /**
     * Until when a worker whose connection was dropped or that did not acknowledge is tried again: the
     * reach deadline, at least the lead time past the start instant, and never so late that the worker
     * would refuse the instant as stale.
     */
    private long sendDeadline(long startAt, long reachDeadline) {
        long refusedAfter = startAt + StartGate.MAX_BEHIND.toMillis() / 2;
        return Math.max(startAt + settings.leadTime().toMillis(), Math.min(reachDeadline, refusedAfter));
    }

    private static List<LeaderReport.Ack> acks(List<WorkerLink> links) {
        return links.stream().map(WorkerLink::toAck).toList();
    }

    private interface LinkTask {
        void run(WorkerLink link) throws InterruptedException;
    }

    private static void runAll(List<WorkerLink> links, LinkTask task) throws InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (WorkerLink link : links) {
                futures.add(threads.submit(() -> {
                    task.run(link);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    static Socket connect(WorkerAddress address, LeaderSettings settings) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address.socketAddress(), (int) settings.connectTimeout().toMillis());
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
