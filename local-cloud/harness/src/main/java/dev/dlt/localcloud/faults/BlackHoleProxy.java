package dev.dlt.localcloud.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port that passes traffic to an upstream until {@link #swallow()}; from
 * then on it accepts connections and reads what arrives but never forwards or answers anything, on
 * new and already open connections alike: a network path that silently drops everything.
 */
public final class BlackHoleProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean swallowing;

    private BlackHoleProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** Starts forwarding from a free port of 127.0.0.1 to the host and port of {@code upstream}. */
    public static BlackHoleProxy start(URI upstream) throws IOException {
        ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        BlackHoleProxy proxy = new BlackHoleProxy(server, new InetSocketAddress(upstream.getHost(), upstream.getPort()));
        Thread.ofVirtual().name("black-hole-accept").start(proxy::acceptLoop);
        return proxy;
    }

    /** Where clients connect instead of the upstream, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on nothing reaches the upstream and nothing comes back. */
    public void swallow() {
        swallowing = true;
    }

    public boolean swallowing() {
        return swallowing;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        Socket remote = null;
        try {
            if (!swallowing) {
                remote = new Socket();
                remote.connect(upstream, 5_000);
                sockets.add(remote);
                Socket r = remote;
                Thread.ofVirtual().start(() -> pump(r, client));
            }
            pump(client, remote);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(remote);
        }
    }

    /** Copies {@code from} to {@code to} while not swallowing; afterwards reads and drops. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!swallowing && to != null) {
                    OutputStream out = to.getOutputStream();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            if (!swallowing) {
                closeQuietly(to);
            }
        } catch (IOException e) {
            if (!swallowing) {
                closeQuietly(to);
                closeQuietly(from);
            }
        }
    }

    private void closeQuietly(Socket socket) {
        if (socket != null) {
            sockets.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to report on closing
        }
        sockets.forEach(this::closeQuietly);
    }
}
