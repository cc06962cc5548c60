package dev.dlt.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (one thread, the same connection count) against a URL and reads its request count;
 * bash's {@code times} after it reports the CPU time wrk used.
 */
final class WrkRunner {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("WRK_LATENCY (\\d+) (\\d+) (\\d+) (\\d+)");
    /**
     * wrk's Lua hook: p50, p99, max and the requests slower than 100 ms, found by bisecting the
     * percentile function (wrk's Lua API has no count above a value).
     */
    private static final String DONE_SCRIPT = """
            done = function(summary, latency, requests)
              local lo, hi = 0, 100
              if latency.max <= 100000 then lo = 100 end
              for i = 1, 40 do
                local mid = (lo + hi) / 2
                if latency:percentile(mid) > 100000 then hi = mid else lo = mid end
              end
              local over = math.floor((100 - hi) / 100 * summary.requests + 0.5)
              io.write(string.format("WRK_LATENCY %d %d %d %d\\n", latency:percentile(50),
                latency:percentile(99), latency.max, over))
            end
            """;
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");

    private WrkRunner() {
    }

    static boolean available() {
        return Processes.onPath("wrk");
    }

    static Measurement measure(URI url, int connections, int seconds, String cpus) throws IOException, InterruptedException {
        return measure(url, connections, seconds, cpus, "");
    }

    /** The same with more Lua before the {@code done} hook (e.g. a {@code delay} function that paces requests). */
    static Measurement measure(URI url, int connections, int seconds, String cpus, String lua) throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk-latency", ".lua");
        Files.writeString(script, lua + DONE_SCRIPT);
        try {
            return measure(url, connections, seconds, cpus, script);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static Measurement measure(URI url, int connections, int seconds, String cpus, Path script)
            throws IOException, InterruptedException {
        List<String> wrk = Processes.pinned(cpus, List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "-s", script.toString(), url.toString()));
        boolean bash = Processes.onPath("bash");
        List<String> command = new ArrayList<>();
        if (bash) {
            command.addAll(List.of("bash", "-c", "\"$@\"; status=$?; times; exit $status", "wrk"));
        }
        command.addAll(wrk);
        Process process = Processes.start(command);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + output);
        }
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IOException("unexpected wrk output:\n" + output);
        }
        double duration = Double.parseDouble(requests.group(2))
                * switch (requests.group(3)) { case "ms" -> 0.001; case "m" -> 60; default -> 1; };
        Matcher errors = ERRORS.matcher(output);
        long failures = errors.find() ? Long.parseLong(errors.group(1)) : 0;
        if (output.contains("Socket errors")) {
            System.out.println("wrk reported socket errors:\n" + output);
        }
        Matcher times = CHILD_TIMES.matcher(output);
        double cpu = bash && times.find()
                ? Integer.parseInt(times.group(1)) * 60 + Double.parseDouble(times.group(2))
                + Integer.parseInt(times.group(3)) * 60 + Double.parseDouble(times.group(4))
                : Double.NaN;
        Matcher latency = LATENCY.matcher(output);
        if (!latency.find()) {
            throw new IOException("wrk printed no latency line:\n" + output);
        }
        return new Measurement(Long.parseLong(requests.group(1)), failures, duration, cpu,
                Long.parseLong(latency.group(1)), Long.parseLong(latency.group(2)), Long.parseLong(latency.group(3)),
                Long.parseLong(latency.group(4)));
    }
}
