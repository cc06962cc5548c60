package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.engine.SampleSink;

import java.io.IOException;

/**
 * One closed-model virtual user: waits for its ramp-up slot, then sends the plan's requests in
 * order, over and over, on its own keep-alive connections until the run ends.
 */
final class VirtualUser implements Runnable {

    private final EngineRun run;
    private final PreparedPlan plan;
    private final SampleSink sink;
    private final long startAtNanos;

    VirtualUser(EngineRun run, PreparedPlan plan, SampleSink sink, long startAtNanos) {
        this.run = run;
        this.plan = plan;
        this.sink = sink;
        this.startAtNanos = startAtNanos;
    }

    @Override
    public void run() {
        HttpConnection[] connections = new HttpConnection[plan.origins().length];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new HttpConnection(plan.origins()[i], ResponseParser.MAX_HEADER_BYTES);
        }
        try {
            if (run.awaitStart(startAtNanos)) {
                ExternalWakeups.SHARED.joined();
                try {
                    loop(connections);
                } finally {
                    ExternalWakeups.SHARED.left();
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts users that are waiting; there is nothing left to do
        } catch (RuntimeException | Error e) {
            run.fail(e);
        } finally {
            for (HttpConnection connection : connections) {
                connection.close();
            }
        }
    }

    private void loop(HttpConnection[] connections) throws InterruptedException {
        PreparedRequest[] requests = plan.requests();
        HttpExchange exchange = new HttpExchange(run.requestTimeoutNanos());
        int next = 0;
        while (run.active()) {
            PreparedRequest request = requests[next];
            next = next + 1 == requests.length ? 0 : next + 1;
            try {
                exchange.execute(request, connections[request.origin()]);
            } catch (IOException e) {
                if (run.cancelled()) {
                    return; // the failure is ours (we interrupted the request), not the target's
                }
                sink.accept(request.label(), micros(exchange.elapsedNanos), micros(exchange.latencyNanos),
                        micros(exchange.connectNanos), exchange.bytes(), e.getClass().getSimpleName(), false);
                run.backOff();
                continue;
            }
            int status = exchange.status();
            sink.accept(request.label(), micros(exchange.elapsedNanos), micros(exchange.latencyNanos),
                    micros(exchange.connectNanos), exchange.bytes(), StatusCodes.of(status), status < 400);
        }
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
