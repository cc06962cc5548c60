package dev.dlt.localcloud.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A slow-drip attack on a start gate: keeps {@code connections} connections open, each announcing a
 * valid-looking frame header with the largest payload and then sending one byte every half second
 * (reconnecting when dropped), until closed. Loopback only, and it stops when closed.
 */
final class SlowDrip implements AutoCloseable {

    private static final long DRIP_MS = 500;

    private final InetSocketAddress gate;
    private final Socket[] sockets;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int open;

    SlowDrip(InetSocketAddress gate, int connections) {
        if (!gate.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("slow drip only against loopback addresses, not " + gate);
        }
        this.gate = gate;
        this.sockets = new Socket[connections];
        this.thread = Thread.ofPlatform().name("slow-drip").daemon().start(this::drip);
    }

    /** Connections open after the last round. */
    int open() {
        return open;
    }

    private void drip() {
        while (running) {
            int alive = 0;
            for (int i = 0; i < sockets.length && running; i++) {
                try {
                    if (sockets[i] == null || sockets[i].isClosed()) {
                        sockets[i] = connect();
                    } else {
                        OutputStream out = sockets[i].getOutputStream();
                        out.write('x');
                        out.flush();
                    }
                    alive++;
                } catch (IOException dropped) {
                    closeQuietly(sockets[i]);
                    sockets[i] = null;
                }
            }
            open = alive;
            try {
                Thread.sleep(DRIP_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(gate, 200);
            // magic, version 1, type START, payload length at the gate's maximum: the gate waits for 16 KB
            ByteBuffer header = ByteBuffer.allocate(10).put(new byte[] {'D', 'L', 'T', 'G', 1, 1}).putInt(16 * 1024);
            socket.getOutputStream().write(header.array());
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // dropped already
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
