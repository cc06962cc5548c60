package dev.dlt.bench.startspread;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * DLT's start scheme, for comparison: each worker accepts one connection on port 50000 and starts the
 * moment it reads {@code start}; the controller sends it with {@code multiprocessing.Pool().map}, i.e.
 * as many parallel senders as the machine has CPUs, each connecting without a timeout. The spread is
 * between the first and the last worker's start.
 */
final class DltSchemeSpread {

    private DltSchemeSpread() {
    }

    /** The spread in milliseconds between the first and the last worker to start, on {@code workers} loopback addresses. */
    static double measure(int workers, int firstOctet) throws Exception {
        List<ServerSocket> listeners = new ArrayList<>();
        List<InetSocketAddress> addresses = new ArrayList<>();
        try {
            for (int host = 1; listeners.size() < workers && host < workers + 10_000; host++) {
                String ip = "127." + (firstOctet + (host >> 16)) + "." + ((host >> 8) & 0xff) + "." + (host & 0xff);
                ServerSocket server = new ServerSocket();
                try {
                    server.bind(new InetSocketAddress(ip, 50000), 50);
                } catch (IOException inUse) {
                    server.close();
                    continue;
                }
                listeners.add(server);
                addresses.add(new InetSocketAddress(ip, 50000));
            }
            AtomicLongArray startedNanos = new AtomicLongArray(listeners.size());
            List<Thread> listening = new ArrayList<>();
            for (int i = 0; i < listeners.size(); i++) {
                int index = i;
                ServerSocket server = listeners.get(i);
                listening.add(Thread.ofVirtual().start(() -> {
                    try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                        if ("start".equals(new String(in.readNBytes(5), StandardCharsets.US_ASCII))) {
                            startedNanos.set(index, System.nanoTime());
                        }
                    } catch (IOException closed) {
                        // never started
                    }
                }));
            }
            ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            List<Future<?>> sends = new ArrayList<>();
            for (InetSocketAddress address : addresses) {
                sends.add(pool.submit(() -> {
                    try (Socket socket = new Socket(address.getAddress(), address.getPort()); OutputStream out = socket.getOutputStream()) {
                        out.write("start".getBytes(StandardCharsets.US_ASCII));
                    }
                    return null;
                }));
            }
            for (Future<?> send : sends) {
                send.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            for (Thread thread : listening) {
                thread.join(java.time.Duration.ofSeconds(30));
            }
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int i = 0; i < startedNanos.length(); i++) {
                long t = startedNanos.get(i);
                if (t != 0) {
                    first = Math.min(first, t);
                    last = Math.max(last, t);
                }
            }
            return first == Long.MAX_VALUE ? Double.NaN : (last - first) / 1e6;
        } finally {
            for (ServerSocket server : listeners) {
                server.close();
            }
        }
    }
}
