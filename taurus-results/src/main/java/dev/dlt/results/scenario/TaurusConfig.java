package dev.dlt.results.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Taurus configuration of one worker, in the shape DLT writes to S3 and bzt reads: one execution
 * (concurrency, ramp-up, hold-for) of one scenario (requests), and the final-stats reporter dumping
 * {@code results.xml}. The operator writes it, the agent reads it.
 *
 * @param script for a JMeter test: the file name of the plan ({@code .jmx}, or a {@code .zip} with the
 *               plan, its data files and a {@code plugins/} folder), stored next to this config in S3;
 *               null for a simple HTTP test
 * @param throughput Taurus' {@code throughput}: the most requests per second the worker sends (an
 *                   open-model rate limit, reached over ramp-up); null for no limit
 * @param arrival    the built-in engine's open model (written as {@value #ARRIVAL}, a key of ours that bzt
 *                   never reads); null for the closed model
 * @param steps      Taurus' {@code steps}: ramp up in this many equal steps instead of linearly; null for linear
 */
public record TaurusConfig(int concurrency, String rampUp, String holdFor, String timeout, List<Request> requests, String script,
                           Integer throughput, ArrivalRate arrival, Integer steps) {

    /** The execution key under which the open model of the built-in engine is written. */
    public static final String ARRIVAL = "dlt-arrival-rate";

    public static final String SCENARIO = "dlt";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request of the scenario. */
    public record Request(String label, String url, String method, Map<String, String> headers, String body) {
        public Request {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    public TaurusConfig {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /** A test without the built-in engine's open model. */
    public TaurusConfig(int concurrency, String rampUp, String holdFor, String timeout, List<Request> requests, String script,
                        Integer throughput) {
        this(concurrency, rampUp, holdFor, timeout, requests, script, throughput, null, null);
    }

    /** A test without a rate limit. */
    public TaurusConfig(int concurrency, String rampUp, String holdFor, String timeout, List<Request> requests, String script) {
        this(concurrency, rampUp, holdFor, timeout, requests, script, null);
    }

    /** A simple HTTP test (no JMeter plan). */
    public TaurusConfig(int concurrency, String rampUp, String holdFor, String timeout, List<Request> requests) {
        this(concurrency, rampUp, holdFor, timeout, requests, null);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode execution = root.putArray("execution").addObject();
        execution.put("executor", "jmeter");
        execution.put("concurrency", concurrency);
        execution.put("ramp-up", rampUp);
        execution.put("hold-for", holdFor);
        if (throughput != null) {
            execution.put("throughput", throughput);
        }
        if (steps != null) {
            execution.put("steps", steps);
        }
        if (arrival != null) {
            ObjectNode open = execution.putObject(ARRIVAL);
            open.put("start-rate", arrival.startRate());
            open.put("max-concurrency", arrival.maxConcurrency());
            ArrayNode stages = open.putArray("stages");
            for (ArrivalRate.Stage stage : arrival.stages()) {
                stages.addObject().put("duration", TaurusDuration.format(stage.duration())).put("target", stage.target());
            }
        }
        execution.put("scenario", SCENARIO);
        ObjectNode scenario = root.putObject("scenarios").putObject(SCENARIO);
        if (timeout != null) {
            scenario.put("timeout", timeout);
        }
        if (script != null) {
            scenario.put("script", script);
        }
        ArrayNode list = requests.isEmpty() && script != null ? JSON.createArrayNode() : scenario.putArray("requests");
        for (Request r : requests) {
            ObjectNode request = list.addObject();
            request.put("label", r.label());
            request.put("url", r.url());
            request.put("method", r.method());
            if (!r.headers().isEmpty()) {
                ObjectNode headers = request.putObject("headers");
                r.headers().forEach(headers::put);
            }
            if (r.body() != null) {
                request.put("body", r.body());
            }
        }
        ObjectNode reporting = root.putArray("reporting").addObject();
        reporting.put("module", "final-stats");
        reporting.put("summary", true);
        reporting.put("percentiles", true);
        reporting.put("summary-labels", true);
        reporting.put("test-duration", true);
        reporting.put("dump-xml", "results.xml");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write Taurus config", e);
        }
    }

    /** Reads a config written by {@link #toJson()} (or by hand in the same shape). */
    public static TaurusConfig fromJson(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode execution = root.path("execution").path(0);
        if (execution.isMissingNode()) {
            throw new IOException("Taurus config has no execution");
        }
        String name = execution.path("scenario").asText(SCENARIO);
        JsonNode scenario = root.path("scenarios").path(name);
        String script = text(scenario, "script");
        if (!scenario.path("requests").isArray() && script == null) {
            throw new IOException("Taurus config has neither requests nor a script in scenario '" + name + "'");
        }
        List<Request> requests = new ArrayList<>();
        for (JsonNode r : scenario.path("requests")) {
            Map<String, String> headers = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = r.path("headers").fields();
            fields.forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            String url = r.isTextual() ? r.asText() : r.path("url").asText(null);
            requests.add(new Request(r.path("label").asText(url), url, r.path("method").asText("GET"), headers,
                    r.hasNonNull("body") ? r.path("body").asText() : null));
        }
        return new TaurusConfig(execution.path("concurrency").asInt(1), text(execution, "ramp-up"),
                text(execution, "hold-for"), text(scenario, "timeout"), requests, script,
                execution.hasNonNull("throughput") ? execution.get("throughput").asInt() : null, arrival(execution.path(ARRIVAL)),
                execution.hasNonNull("steps") ? execution.get("steps").asInt() : null);
    }

    private static ArrivalRate arrival(JsonNode open) throws IOException {
        if (open.isMissingNode() || open.isNull()) {
            return null;
        }
        try {
            List<ArrivalRate.Stage> stages = new ArrayList<>();
            for (JsonNode stage : open.path("stages")) {
                stages.add(new ArrivalRate.Stage(TaurusDuration.parse(stage.path("duration").asText("")), number(stage, "target")));
            }
            return new ArrivalRate(number(open, "start-rate"), stages, open.path("max-concurrency").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid " + ARRIVAL + ": " + e.getMessage(), e);
        }
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return value.asDouble();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
