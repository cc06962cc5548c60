package dev.dlt.agent.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The worker side of the start gate: listens on port 50000 and accepts exactly one kind of message,
 * a start message for this run signed with the run's secret. Anything else (a probe, a stray
 * connection, a forged or stale message) is dropped and the gate keeps listening. Each connection must
 * deliver its whole frame within a deadline from its accept, and when too many wait for theirs the
 * oldest are shed (see {@link GateLimits}), so slow or idle connections cannot keep the leader out.
 */
public final class StartGate implements AutoCloseable {

    public static final int DEFAULT_PORT = 50000;
    /** Start instants further ahead than this are refused (a forged or broken clock). */
    static final Duration MAX_AHEAD = Duration.ofMinutes(10);
    /** Start instants further back than this are refused (a replayed message). */
    static final Duration MAX_BEHIND = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(StartGate.class.getName());

    private final String testId;
    private final String runId;
    private final String workerId;
    private final byte[] secret;
    private final Clock clock;
    private final GateLimits limits;
    private final PendingConnections pending;
    private final CompletableFuture<StartSignal> signal = new CompletableFuture<>();
    private ServerSocket server;

    public StartGate(String testId, String runId, String workerId, byte[] secret, Clock clock) {
        this(testId, runId, workerId, secret, clock, GateLimits.defaults());
    }

    public StartGate(String testId, String runId, String workerId, byte[] secret, Clock clock, GateLimits limits) {
        this.limits = limits;
        this.pending = new PendingConnections(limits.maxPending());
        this.testId = testId;
        this.runId = runId;
        this.workerId = workerId;
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** Binds and starts accepting; from here on the worker is ready. */
    public InetSocketAddress open(InetSocketAddress bind) throws IOException {
        GateCodec.warmUp(secret); // so that the first real message is not slowed by class loading
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind, 1024);
        Thread.ofVirtual().name("start-gate-accept").start(this::acceptLoop);
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Waits for a valid start message; empty when none came in time. */
    public Optional<StartSignal> awaitSignal(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(signal.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        signal.cancel(false);
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing a listening socket has nothing to report
            }
        }
        pending.closeAll();
    }

    /** How many connections were shed because too many waited for their frame (for tests and logs). */
    long shedConnections() {
        return pending.shed();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // most likely out of file descriptors: make room rather than spin on the error
                LOG.log(Level.WARNING, "start gate accept failed: {0}", e.getMessage());
                if (!pending.shedOldest()) {
                    pause();
                }
                continue;
            }
            long deadline = System.nanoTime() + limits.frameDeadline().toNanos();
            pending.admit(socket);
            Thread.ofVirtual().name("start-gate-conn").start(() -> {
                try (socket) {
                    handle(socket, deadline);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "start gate dropped a connection from {0}: {1}",
                            new Object[] {socket.getRemoteSocketAddress(), e.getMessage()});
                } finally {
                    pending.remove(socket);
                }
            });
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Socket socket, long deadlineNanos) throws IOException {
        GateFrame frame = GateFrame.readFrom(new FrameDeadlineInput(socket, deadlineNanos), secret);
        pending.remove(socket); // authentic: never shed it while it is answered
        StartMessage start = GateCodec.decode(frame, GateFrame.START, StartMessage.class);
        long now = clock.millis();
        if (!testId.equals(start.testId()) || !runId.equals(start.runId())) {
            throw new GateFrame.Rejected("start message for another run: " + start.testId() + "/" + start.runId());
        }
        if (start.startAtMs() > now + MAX_AHEAD.toMillis() || start.startAtMs() < now - MAX_BEHIND.toMillis()) {
            throw new GateFrame.Rejected("start instant " + start.startAtMs() + " too far from now " + now);
        }
        signal.complete(new StartSignal(start.startAtMs(), now, start.nonce()));
        StartSignal accepted = signal.getNow(null);
        if (accepted == null || !accepted.nonce().equals(start.nonce())) {
            throw new GateFrame.Rejected("already started by another start message");
        }
        // a repeated message (the leader retrying after a lost ack) is acknowledged again, with the first receive time
        AckMessage ack = new AckMessage(testId, runId, workerId, accepted.receivedAtMs(), accepted.startAtMs(), accepted.nonce());
        GateCodec.encode(GateFrame.ACK, ack).writeTo(socket.getOutputStream(), secret);
    }
}
