package dev.dlt.agent.gate;

import dev.dlt.results.layout.LeaderReport;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;

/** The leader's view of one worker: reachability, connect attempts, and the acknowledgement it got. */
final class WorkerLink {

    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final WorkerAddress address;
    private final LeaderSettings settings;
    private final Clock clock;
    private volatile boolean reachable;
    private volatile int attempts;
    private volatile String error = "not tried";
    private volatile AckMessage ack;
    private volatile long ackReceivedAtMs;

    WorkerLink(WorkerAddress address, LeaderSettings settings, Clock clock) {
        this.address = address;
        this.settings = settings;
        this.clock = clock;
    }

    /** Connects (and disconnects) until the worker answers or the deadline passes. */
    void awaitReachable(long deadlineMs) throws InterruptedException {
        retryUntil(deadlineMs, () -> {
            try (Socket ignored = StartLeader.connect(address, settings)) {
                reachable = true;
            }
        });
    }

    /** Sends the start message and reads the acknowledgement, retrying until the deadline. */
    void sendStart(byte[] signedFrame, byte[] secret, StartMessage start, long deadlineMs) throws InterruptedException {
        retryUntil(deadlineMs, () -> {
            try (Socket socket = StartLeader.connect(address, settings)) {
                socket.setSoTimeout((int) Math.max(1_000, settings.leadTime().toMillis()));
                socket.getOutputStream().write(signedFrame);
                AckMessage reply = GateCodec.decode(GateFrame.readFrom(socket.getInputStream(), secret), GateFrame.ACK, AckMessage.class);
                if (!start.nonce().equals(reply.nonce()) || !start.runId().equals(reply.runId())) {
                    throw new GateFrame.Rejected("acknowledgement for another start message");
                }
                ackReceivedAtMs = clock.millis();
                ack = reply;
            }
        });
    }

    private interface Attempt {
        void run() throws IOException;
    }

    /** Runs the attempt until it succeeds or the next try would be past the deadline, backing off exponentially. */
    private void retryUntil(long deadlineMs, Attempt attempt) throws InterruptedException {
        long backoff = MIN_BACKOFF_MS;
        while (true) {
            attempts++;
            try {
                attempt.run();
                error = null;
                return;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (clock.millis() + backoff >= deadlineMs) {
                return;
            }
            Thread.sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    boolean reachable() {
        return reachable;
    }

    boolean acknowledged() {
        return ack != null;
    }

    WorkerAddress address() {
        return address;
    }

    String error() {
        return error;
    }

    LeaderReport.Ack toAck() {
        AckMessage a = ack;
        return new LeaderReport.Ack(address.toString(), a == null ? null : a.workerId(), a != null, attempts,
                a == null ? 0 : a.receivedAtMs(), a == null ? 0 : ackReceivedAtMs, error);
    }
}
