package dev.dlt.agent.gate;

import java.net.InetSocketAddress;

/** Where a worker's start gate listens. */
public record WorkerAddress(String host, int port) {

    /** Parses {@code host} or {@code host:port}; the port defaults to 50000. */
    public static WorkerAddress parse(String text) {
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon) {
            return new WorkerAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        }
        return new WorkerAddress(value, StartGate.DEFAULT_PORT);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
