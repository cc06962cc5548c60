package dev.dlt.agent.engine.nativehttp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server for the engine tests: a raw ServerSocket on 127.0.0.1, one virtual thread
 * per connection, answering every request with what a {@link Responder} returns and recording what
 * it received.
 */
final class TestHttpServer implements AutoCloseable {

    /** Decides the raw bytes to answer a request with. */
    @FunctionalInterface
    interface Responder {
        TestReply reply(ReceivedRequest request);
    }

    private final ServerSocket serverSocket;
    private final Responder responder;
    private final String scheme;
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Long> acceptNanos = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private TestHttpServer(ServerSocket serverSocket, String scheme, Responder responder) {
        this.serverSocket = serverSocket;
        this.scheme = scheme;
        this.responder = responder;
        this.acceptor = Thread.ofVirtual().name("test-server-accept").start(this::acceptLoop);
    }

    static TestHttpServer start(Responder responder) throws IOException {
        return start(new ServerSocket(), "http", responder);
    }

    /** Serves on an unbound (possibly TLS) server socket, binding it to 127.0.0.1. */
    static TestHttpServer start(ServerSocket unbound, String scheme, Responder responder) throws IOException {
        unbound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        return new TestHttpServer(unbound, scheme, responder);
    }

    URI uri(String pathAndQuery) {
        return URI.create(scheme + "://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /** System.nanoTime() of every accepted connection, in accept order. */
    List<Long> acceptNanos() {
        return List.copyOf(acceptNanos);
    }

    int connectionsOpened() {
        return connections.get();
    }

    int connectionsOpen() {
        return open.size();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                acceptNanos.add(System.nanoTime());
                int id = connections.incrementAndGet();
                open.add(socket);
                Thread.ofVirtual().name("test-server-conn-" + id).start(() -> serve(socket, id));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, int id) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                ReceivedRequest request = ReceivedRequest.read(in, id);
                if (request == null) {
                    return;
                }
                requests.add(request);
                TestReply reply = responder.reply(request);
                if (reply.bytes() == null) {
                    continue; // never answer: wait for a next request that will not come
                }
                if (reply.trickle()) {
                    for (byte b : reply.bytes()) {
                        out.write(b);
                        out.flush();
                    }
                } else {
                    out.write(reply.bytes());
                    out.flush();
                }
                if (reply.close()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : open) {
            socket.close();
        }
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
