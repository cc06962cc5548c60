package dev.dlt.agent.engine.taurus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.results.scenario.TaurusConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The config handed to bzt: the operator's Taurus config in DLT's shape (execution, scenarios,
 * final-stats reporting) plus what this worker needs: its artifacts dir, results.xml dumped there, a
 * kpi.jtl with the columns the agent reads, no console dashboard, and the local path of a JMeter plan.
 */
final class BztConfig {

    static final String RESULTS_XML = "results.xml";
    /** kpi.jtl columns the agent reads ({@link KpiJtlReader}); Taurus writes them by default, this keeps it so. */
    static final List<String> KPI_FLAGS = List.of("fieldNames", "timestamp", "time", "label", "success", "code");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BztConfig() {
    }

    /** Writes the bzt config for one run to {@code target}. */
    static void write(byte[] operatorJson, Path artifactsDir, JmeterPlan plan, Path jmeterHome, Path target) throws IOException {
        Files.write(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(build(operatorJson, artifactsDir, plan, jmeterHome)));
    }

    static ObjectNode build(byte[] operatorJson, Path artifactsDir, JmeterPlan plan, Path jmeterHome) throws IOException {
        if (!(JSON.readTree(operatorJson) instanceof ObjectNode root)) {
            throw new IOException("the Taurus config is not a JSON object");
        }
        if (!(root.path("execution").path(0) instanceof ObjectNode execution)) {
            throw new IOException("the Taurus config has no execution");
        }
        if (!execution.hasNonNull("executor")) {
            execution.put("executor", "jmeter");
        }
        if (plan != null) {
            String name = execution.path("scenario").asText(TaurusConfig.SCENARIO);
            object(object(root, "scenarios"), name).put("script", plan.jmx().toString());
        }

        ObjectNode settings = object(root, "settings");
        // Taurus passes artifacts-dir through strftime
        settings.put("artifacts-dir", artifactsDir.toString().replace("%", "%%"));
        settings.put("check-updates", false);

        ObjectNode modules = object(root, "modules");
        object(modules, "console").put("disable", true);
        ObjectNode jmeter = object(modules, "jmeter");
        ObjectNode flags = object(jmeter, "csv-jtl-flags");
        KPI_FLAGS.forEach(flag -> flags.put(flag, true));
        // a plan brings its plugins in its zip; bzt must not look them up (and download) at run time
        jmeter.put("detect-plugins", false);
        // Taurus searches upwards from 4445 for JMeter's UDP management port: workers sharing a host
        // (the local cloud) would race for the same one; the agent stops JMeter through it
        if (!jmeter.has("shutdown-port")) {
            jmeter.put("shutdown-port", JmeterManagementPort.suggest());
        }
        Path home = plan != null && plan.jmeterHome() != null ? plan.jmeterHome() : jmeterHome;
        if (home != null) {
            jmeter.put("path", home.resolve("bin").resolve("jmeter").toString());
        }

        ObjectNode finalStats = finalStats(root);
        finalStats.put("dump-xml", artifactsDir.resolve(RESULTS_XML).toString());
        for (String option : List.of("summary", "percentiles", "summary-labels", "test-duration")) {
            if (!finalStats.has(option)) {
                finalStats.put(option, true);
            }
        }
        return root;
    }

    /** The final-stats reporter of the config, added when the operator's config has none. */
    private static ObjectNode finalStats(ObjectNode root) {
        ArrayNode reporting = root.get("reporting") instanceof ArrayNode list ? list : root.putArray("reporting");
        for (int i = 0; i < reporting.size(); i++) {
            JsonNode reporter = reporting.get(i);
            if (reporter.isTextual() && "final-stats".equals(reporter.asText())) {
                ObjectNode expanded = JSON.createObjectNode().put("module", "final-stats");
                reporting.set(i, expanded);
                return expanded;
            }
            if (reporter instanceof ObjectNode object && "final-stats".equals(object.path("module").asText())) {
                return object;
            }
        }
        return reporting.addObject().put("module", "final-stats");
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode existing ? existing : parent.putObject(field);
    }
}
