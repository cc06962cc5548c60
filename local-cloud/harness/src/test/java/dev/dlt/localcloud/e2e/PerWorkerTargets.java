package dev.dlt.localcloud.e2e;

import dev.dlt.localcloud.kube.Kubelet;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One target server per worker behind one host name: each worker's agent process resolves
 * {@link #HOST} to its own target address (its container's hosts file), so what the target counted
 * is known per worker, and a worker's share can be told from the others'.
 */
final class PerWorkerTargets implements AutoCloseable {

    static final String HOST = "dlt-target.test";

    private final List<TargetServer> targets;

    private PerWorkerTargets(List<TargetServer> targets) {
        this.targets = targets;
    }

    /** Starts {@code workers} targets on 127.0.95.(1..n), one port, and tells the kubelet which worker reaches which. */
    static PerWorkerTargets start(Kubelet kubelet, String testName, int workers) throws IOException {
        List<TargetServer> targets = new ArrayList<>();
        TargetConfig config = TargetConfig.DEFAULT.withLatency(Duration.ofMillis(10));
        try {
            for (int i = 0; i < workers; i++) {
                InetAddress address = InetAddress.getByName("127.0.95." + (i + 1));
                int port = i == 0 ? 0 : targets.getFirst().baseUri().getPort();
                targets.add(TargetServer.start(address, port, config));
                kubelet.hosts(testName, "w" + i, Map.of(HOST, address.getHostAddress()));
            }
        } catch (IOException | RuntimeException e) {
            targets.forEach(TargetServer::close);
            throw e;
        }
        return new PerWorkerTargets(targets);
    }

    String url() {
        return "http://" + HOST + ":" + targets.getFirst().baseUri().getPort() + "/";
    }

    /** Requests the target of worker {@code index} counted. */
    long requestsOf(int index) {
        return targets.get(index).counters().requests();
    }

    /** Requests counted for every worker except {@code excluded}. */
    long requestsExcept(int excluded) {
        long sum = 0;
        for (int i = 0; i < targets.size(); i++) {
            sum += i == excluded ? 0 : requestsOf(i);
        }
        return sum;
    }

    @Override
    public void close() {
        targets.forEach(TargetServer::close);
    }
}
