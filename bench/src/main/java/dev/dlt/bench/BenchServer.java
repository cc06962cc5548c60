package dev.dlt.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A minimal, fast HTTP/1.1 keep-alive server for benchmarks: one thread, one selector, answering
 * every request head (GET, no body) with the same small 200 response. Run it as its own process
 * ({@code main} prints "LISTENING port" and serves until stdin closes) to pin it to its own CPU.
 */
public final class BenchServer implements AutoCloseable {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nServer: dlt-bench\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 13\r\n\r\nHello, World!").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread loop;
    private volatile boolean closing;

    private BenchServer() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        loop = Thread.ofPlatform().name("bench-server").daemon().start(this::serve);
    }

    public static BenchServer start() throws IOException {
        return new BenchServer();
    }

    public URI uri() throws IOException {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort() + "/");
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer out = ByteBuffer.allocateDirect(RESPONSE.length * 64);
        try {
            while (!closing) {
                selector.select(key -> {
                    try {
                        if (key.isAcceptable()) {
                            accept();
                        } else {
                            answer(key, in, out);
                        }
                    } catch (IOException e) {
                        closeQuietly(key);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            closeQuietly(selector);
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new int[1]);
        }
    }

    /** Counts complete request heads (CRLFCRLF) and writes one response per head. */
    private static void answer(SelectionKey key, ByteBuffer in, ByteBuffer out) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        int[] state = (int[]) key.attachment(); // how much of CRLFCRLF the previous read ended in
        in.clear();
        if (channel.read(in) < 0) {
            closeQuietly(key);
            return;
        }
        in.flip();
        int s = state[0];
        out.clear();
        while (in.hasRemaining()) {
            byte b = in.get();
            s = b == (s % 2 == 0 ? '\r' : '\n') ? s + 1 : (b == '\r' ? 1 : 0);
            if (s == 4) {
                s = 0;
                if (out.remaining() < RESPONSE.length) {
                    writeFully(channel, out);
                }
                out.put(RESPONSE);
            }
        }
        state[0] = s;
        writeFully(channel, out);
    }

    private static void writeFully(SocketChannel channel, ByteBuffer out) throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out); // responses are tiny; a full socket buffer here means a stuck client
        }
        out.clear();
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves until stdin is closed, so the server dies with the benchmark that started it. */
    public static void main(String[] args) throws IOException {
        try (BenchServer bench = start()) {
            System.out.println("LISTENING " + bench.uri().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait
            }
        }
    }
}
