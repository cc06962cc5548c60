package dev.dlt.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The engine in its own pinned JVM, kept alive (and JIT-warm) across rounds: the child warms up,
 * then runs one measured round per "run" line on its stdin and answers with one result line.
 */
final class EngineProcess implements AutoCloseable {

    static final String RUN = "run";
    static final String RESULT = "ENGINE_RESULT ";

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    EngineProcess(BenchOptions options, URI target) throws IOException {
        process = Processes.start(Processes.pinned(options.engineCpus(),
                Processes.java(EngineThroughputBench.class, options.engineOnlyArgs(target))));
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    Measurement measure() throws IOException {
        in.write(RUN + "\n");
        in.flush();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(RESULT)) {
                return Measurement.decode(line.substring(RESULT.length()));
            }
            System.out.println(line);
        }
        throw new IOException("the engine process ended without a result");
    }

    /** The child's side: warm up, then one measured run per "run" line until stdin closes. */
    static void serve(BenchOptions options) throws IOException, InterruptedException {
        EngineRunner.run(options.url(), options.connections(), options.warmup());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            if (line.equals(RUN)) {
                Measurement m = EngineRunner.run(options.url(), options.connections(), options.seconds());
                System.out.println(RESULT + m.encode());
                System.out.flush();
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
