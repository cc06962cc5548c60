package dev.dlt.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Shows, without the engine, why its users had latency outliers (bench/README.md): in a JVM with
 * one CPU, a virtual thread woken by the poller or a timer waits until the virtual threads that
 * keep calling {@link Thread#yield()} stop. Runs each case in a fresh JVM pinned to one CPU and
 * prints one {@link ResultLine}. Usage: {@code ExternalQueueStarvation [--cpus 1] [--spin-ms 1000]}.
 */
public final class ExternalQueueStarvation {

    private static final String CHILD = "--child";
    private static final long WAIT_MILLIS = 20;

    private ExternalQueueStarvation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            int spinners = Integer.parseInt(args[2]);
            long spinMillis = Long.parseLong(args[3]);
            double late = args[1].equals("read") ? readLate(spinners, spinMillis) : sleepLate(spinners, spinMillis);
            System.out.printf("LATE_MS %.1f%n", late);
            return;
        }
        String cpus = "1";
        long spinMillis = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cpus" -> cpus = args[++i];
                case "--spin-ms" -> spinMillis = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ResultLine result = new ResultLine("starvation").put("spin_ms", spinMillis);
        for (String wait : new String[] {"read", "sleep"}) {
            for (int spinners : new int[] {0, 1}) {
                double late = child(cpus, wait, spinners, spinMillis);
                System.out.printf("%s woken %.1f ms late with %d virtual thread(s) yielding for %d ms%n",
                        wait.equals("read") ? "a blocking socket read" : "Thread.sleep(20 ms)", late, spinners, spinMillis);
                result.put(wait + "_late_ms_" + spinners + "_yielding", String.format("%.1f", late));
            }
        }
        result.print();
    }

    /** How long after its byte arrived a virtual thread blocked in a socket read ran again. */
    private static double readLate(int spinners, long spinMillis) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket server = listener.accept()) {
            long[] woke = new long[1];
            InputStream in = client.getInputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    in.read(); // nothing there yet: parks in the poller
                    woke[0] = System.nanoTime();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread[] yielding = yielding(spinners, spinMillis);
            Thread.sleep(WAIT_MILLIS);
            long written = System.nanoTime();
            server.getOutputStream().write(1);
            reader.join();
            join(yielding);
            return (woke[0] - written) / 1e6;
        }
    }

    /** How much longer than 20 ms a virtual thread's Thread.sleep(20) took. */
    private static double sleepLate(int spinners, long spinMillis) throws Exception {
        long[] took = new long[1];
        Thread sleeper = Thread.ofVirtual().unstarted(() -> {
            long start = System.nanoTime();
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            took[0] = System.nanoTime() - start;
        });
        Thread[] yielding = yielding(spinners, spinMillis);
        sleeper.start();
        sleeper.join();
        join(yielding);
        return took[0] / 1e6 - WAIT_MILLIS;
    }

    private static Thread[] yielding(int count, long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                while (System.nanoTime() - end < 0) {
                    Thread.yield();
                }
            });
        }
        return threads;
    }

    private static void join(Thread[] threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static double child(String cpus, String wait, int spinners, long spinMillis) throws Exception {
        Process process = Processes.start(Processes.pinned(cpus, Processes.java(ExternalQueueStarvation.class, CHILD, wait,
                String.valueOf(spinners), String.valueOf(spinMillis))));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("LATE_MS ")) {
                    return Double.parseDouble(line.substring("LATE_MS ".length()));
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        throw new IllegalStateException("the child JVM ended without a result");
    }
}
