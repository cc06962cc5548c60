package dev.dlt.operator.validation;

import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.LoadSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.results.scenario.TaurusDuration;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a LoadTest spec before anything is launched. The CRD schema catches most of this on a real
 * API server; this catches everything, wherever the object came from, with the field's path.
 */
public final class SpecValidator {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final int MAX_WORKERS = 1000;

    public List<Violation> validate(LoadTestSpec spec) {
        List<Violation> violations = new ArrayList<>();
        if (spec == null) {
            violations.add(new Violation("spec", "is missing"));
            return violations;
        }
        validateRequests(spec, violations);
        validateLoad(spec.getLoad(), violations);
        validateWorkers(spec.getWorkers(), violations);
        if (spec.getEngine() != null && !spec.getEngine().isEmpty() && !Set.of("native", "taurus").contains(spec.getEngine())) {
            violations.add(new Violation("spec.engine", "must be native or taurus, was '" + spec.getEngine() + "'"));
        }
        if ("native".equals(spec.getEngine()) && spec.getLoad() != null && spec.getLoad().getThroughput() != null) {
            violations.add(new Violation("spec.load.throughput", "is a Taurus option: it needs engine taurus, not native"));
        }
        return violations;
    }

    private static void validateRequests(LoadTestSpec spec, List<Violation> violations) {
        if (spec.getScenario() == null) {
            violations.add(new Violation("spec.scenario", "is missing"));
            return;
        }
        List<HttpRequestSpec> requests = spec.getScenario().getRequests();
        if (spec.getScenario().getJmeter() != null) {
            if (requests != null) {
                violations.add(new Violation("spec.scenario", "set either requests or jmeter, not both"));
            }
            validateJmeter(spec, violations);
            return;
        }
        if (requests == null || requests.isEmpty()) {
            violations.add(new Violation("spec.scenario.requests", "needs at least one request (or set spec.scenario.jmeter)"));
            return;
        }
        for (int i = 0; i < requests.size(); i++) {
            HttpRequestSpec r = requests.get(i);
            String path = "spec.scenario.requests[" + i + "]";
            if (r == null) {
                violations.add(new Violation(path, "is empty"));
                continue;
            }
            checkUrl(path + ".url", r.getUrl(), violations);
            if (r.getMethod() != null && !r.getMethod().isEmpty() && !METHODS.contains(r.getMethod())) {
                violations.add(new Violation(path + ".method", "must be one of " + METHODS + ", was '" + r.getMethod() + "'"));
            }
            if (r.getLabel() != null && r.getLabel().isEmpty()) {
                violations.add(new Violation(path + ".label", "must not be empty (the empty label is the overall result)"));
            }
        }
        checkDuration("spec.scenario.requestTimeout", spec.getScenario().getRequestTimeout(), false, violations);
    }

    private static void validateJmeter(LoadTestSpec spec, List<Violation> violations) {
        JmeterPlanSpec jmeter = spec.getScenario().getJmeter();
        if ("native".equals(spec.getEngine())) {
            violations.add(new Violation("spec.engine", "a JMeter plan runs on engine taurus, not native"));
        }
        if ((jmeter.getConfigMapRef() == null) == (jmeter.getS3() == null)) {
            violations.add(new Violation("spec.scenario.jmeter", "set either configMapRef or s3"));
            return;
        }
        String key;
        String field;
        if (jmeter.getConfigMapRef() != null) {
            field = "spec.scenario.jmeter.configMapRef";
            if (blank(jmeter.getConfigMapRef().getName())) {
                violations.add(new Violation(field + ".name", "is required"));
            }
            key = jmeter.getConfigMapRef().getKey();
        } else {
            field = "spec.scenario.jmeter.s3";
            key = jmeter.getS3().getKey();
        }
        if (blank(key)) {
            violations.add(new Violation(field + ".key", "is required"));
        } else if (!key.toLowerCase(java.util.Locale.ROOT).endsWith(".jmx") && !key.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            violations.add(new Violation(field + ".key", "must name a .jmx plan or a .zip with one, was '" + key + "'"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void checkUrl(String field, String url, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                violations.add(new Violation(field, "must be an http:// or https:// URL, was '" + url + "'"));
            } else if (uri.getHost() == null) {
                violations.add(new Violation(field, "has no host: '" + url + "'"));
            }
        } catch (java.net.URISyntaxException e) {
            violations.add(new Violation(field, "is not a valid URL: " + e.getMessage()));
        }
    }

    private static void validateLoad(LoadSpec load, List<Violation> violations) {
        if (load == null) {
            violations.add(new Violation("spec.load", "is missing"));
            return;
        }
        if (load.getConcurrency() == null || load.getConcurrency() < 1) {
            violations.add(new Violation("spec.load.concurrency", "must be at least 1, was " + load.getConcurrency()));
        }
        checkDuration("spec.load.rampUp", load.getRampUp(), false, violations);
        checkDuration("spec.load.holdFor", load.getHoldFor(), true, violations);
        if (load.getThroughput() != null && load.getThroughput() < 1) {
            violations.add(new Violation("spec.load.throughput", "must be at least 1 request per second, was " + load.getThroughput()));
        }
    }

    private static void checkDuration(String field, String value, boolean required, List<Violation> violations) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(field, "is required (e.g. 30s, 5m)"));
            }
            return;
        }
        try {
            TaurusDuration.parse(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, e.getMessage()));
        }
    }

    private static void validateWorkers(List<WorkerGroupSpec> workers, List<Violation> violations) {
        if (workers == null || workers.isEmpty()) {
            violations.add(new Violation("spec.workers", "needs at least one worker group"));
            return;
        }
        int total = 0;
        Set<String> regions = new HashSet<>();
        for (int i = 0; i < workers.size(); i++) {
            WorkerGroupSpec group = workers.get(i);
            String path = "spec.workers[" + i + "]";
            if (group == null) {
                violations.add(new Violation(path, "is empty"));
                continue;
            }
            if (group.getCount() == null || group.getCount() < 1) {
                violations.add(new Violation(path + ".count", "must be at least 1, was " + group.getCount()));
            } else {
                total += group.getCount();
            }
            String backend = group.getBackend();
            if ("ecs-fargate".equals(backend)) {
                if (group.getTestRegionRef() == null || group.getTestRegionRef().isBlank()) {
                    violations.add(new Violation(path + ".testRegionRef", "is required for backend ecs-fargate"));
                } else if (!regions.add(group.getTestRegionRef())) {
                    violations.add(new Violation(path + ".testRegionRef", "'" + group.getTestRegionRef() + "' is used by two groups; merge them"));
                }
            } else if ("eks-fargate".equals(backend)) {
                if (group.getTestRegionRef() != null && !group.getTestRegionRef().isBlank()) {
                    violations.add(new Violation(path + ".testRegionRef", "applies to backend ecs-fargate only"));
                }
                if (!regions.add("")) {
                    violations.add(new Violation(path + ".backend", "eks-fargate is used by two groups; merge them"));
                }
            } else {
                violations.add(new Violation(path + ".backend", "must be eks-fargate or ecs-fargate, was '" + backend + "'"));
            }
        }
        if (total > MAX_WORKERS) {
            violations.add(new Violation("spec.workers", "asks for " + total + " workers, at most " + MAX_WORKERS + " are allowed"));
        }
    }
}
