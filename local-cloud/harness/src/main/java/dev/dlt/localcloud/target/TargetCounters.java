package dev.dlt.localcloud.target;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counts of what a {@link TargetServer} has served since it started or was last reset. */
public final class TargetCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder requestBodyBytes = new LongAdder();
    private final LongAdder matching = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> byMethod = new ConcurrentHashMap<>();

    TargetCounters() {
    }

    void record(String method, String path, long bodyBytes, boolean error, boolean matched) {
        requests.increment();
        if (matched) {
            matching.increment();
        }
        if (error) {
            errors.increment();
        }
        requestBodyBytes.add(bodyBytes);
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        byMethod.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    /** All requests served, errors included. */
    public long requests() {
        return requests.sum();
    }

    /** Requests answered 500. */
    public long errors() {
        return errors.sum();
    }

    /** Request body bytes received, over all requests. */
    public long requestBodyBytes() {
        return requestBodyBytes.sum();
    }

    /** Requests that matched the config's {@link RequestMatch} (always 0 without one). */
    public long matching() {
        return matching.sum();
    }

    /** Requests per URI path (without the query string), sorted by path. */
    public Map<String, Long> requestsByPath() {
        return snapshot(byPath);
    }

    /** Requests per HTTP method, e.g. {@code GET → 120}. */
    public Map<String, Long> requestsByMethod() {
        return snapshot(byMethod);
    }

    void reset() {
        requests.reset();
        errors.reset();
        requestBodyBytes.reset();
        matching.reset();
        byPath.clear();
        byMethod.clear();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    @Override
    public String toString() {
        return requests() + " requests (" + errors() + " errors, " + matching() + " matching, " + requestBodyBytes() + " body bytes) by method "
                + requestsByMethod() + " by path " + requestsByPath();
    }
}
