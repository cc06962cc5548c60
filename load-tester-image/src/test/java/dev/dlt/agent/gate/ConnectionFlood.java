package dev.dlt.agent.gate;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slowloris against a start gate: connections that drip one byte of a frame header every so often,
 * and connections that send nothing; each reconnects (after a pause) when the gate drops it, until stopped.
 */
final class ConnectionFlood implements AutoCloseable {

    private static final byte[] HEADER = {'D', 'L', 'T', 'G', 1, 1, 0, 0, 0, 100};
    private static final long DRIP_MS = 1_000;
    private static final long RECONNECT_PAUSE_MS = 200;

    private final InetSocketAddress target;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentHashMap.KeySetView<Socket, Boolean> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong drips = new AtomicLong();
    private volatile boolean stopped;

    ConnectionFlood(InetSocketAddress target) {
        this.target = target;
    }

    ConnectionFlood slowDrips(int count) {
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().start(() -> run(true)));
        }
        return this;
    }

    ConnectionFlood idle(int count) {
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().start(() -> run(false)));
        }
        return this;
    }

    long connections() {
        return connections.get();
    }

    long drops() {
        return drops.get();
    }

    long drips() {
        return drips.get();
    }

    private void run(boolean drip) {
        while (!stopped) {
            Socket socket = new Socket();
            try (socket) {
                socket.connect(target, 2_000);
                open.add(socket);
                connections.incrementAndGet();
                if (drip) {
                    dripUntilDropped(socket);
                } else {
                    waitUntilDropped(socket);
                }
            } catch (IOException dropped) {
                // the gate shed this connection or its deadline passed: come back, as an attacker would
            } finally {
                open.remove(socket);
                drops.incrementAndGet();
            }
            pause(RECONNECT_PAUSE_MS);
        }
    }

    private void dripUntilDropped(Socket socket) throws IOException {
        socket.setSoTimeout(1);
        InputStream in = socket.getInputStream();
        pause(java.util.concurrent.ThreadLocalRandom.current().nextLong(DRIP_MS)); // drips spread over time, not in waves
        for (int i = 0; !stopped; i = (i + 1) % HEADER.length) {
            socket.getOutputStream().write(HEADER[i]);
            drips.incrementAndGet();
            pause(DRIP_MS);
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // nothing to read is what a live gate connection looks like
            }
        }
    }

    private void waitUntilDropped(Socket socket) throws IOException {
        socket.setSoTimeout(500);
        InputStream in = socket.getInputStream();
        while (!stopped) {
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // keep holding the connection
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // stopping the flood
            }
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
