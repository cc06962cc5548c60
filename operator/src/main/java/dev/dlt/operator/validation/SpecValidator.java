package dev.dlt.operator.validation;

import dev.dlt.operator.api.BindingProblem;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.LoadSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.SpecLimits;
import dev.dlt.operator.api.WorkerGroupSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a LoadTest spec before anything is launched: every field bounded (the limits are in
 * {@link SpecLimits}). The CRD schema catches most of this on a real API server; this catches
 * everything, wherever the object came from, with the field's path, including JSON that could not
 * even be bound to the spec classes.
 */
public final class SpecValidator {

    public List<Violation> validate(LoadTestSpec spec) {
        List<Violation> violations = new ArrayList<>();
        if (spec == null) {
            violations.add(new Violation("spec", "is missing"));
            return violations;
        }
        BindingProblem unbound = spec.bindingProblem();
        if (unbound != null) {
            violations.add(new Violation(unbound.field(), unbound.problem()));
            return violations;
        }
        validateScenario(spec, violations);
        validateLoad(spec.getLoad(), violations);
        int workers = validateWorkers(spec.getWorkers(), violations);
        if (spec.getLoad() != null && spec.getLoad().getConcurrency() != null && spec.getLoad().getConcurrency() >= 1
                && spec.getLoad().getConcurrency() <= SpecLimits.MAX_CONCURRENCY
                && (long) workers * spec.getLoad().getConcurrency() > SpecLimits.MAX_VIRTUAL_USERS) {
            violations.add(new Violation("spec.load.concurrency", workers + " workers x " + spec.getLoad().getConcurrency() + " virtual users = "
                    + (long) workers * spec.getLoad().getConcurrency() + " virtual users, at most " + SpecLimits.MAX_VIRTUAL_USERS + " are allowed"));
        }
        if (spec.getEngine() != null && !spec.getEngine().isEmpty() && !Set.of("native", "taurus").contains(spec.getEngine())) {
            violations.add(new Violation("spec.engine", "must be native or taurus, was " + FieldRules.quote(spec.getEngine())));
        }
        Integer threshold = spec.getHealthyThreshold();
        if (threshold != null && (threshold < 1 || threshold > 100)) {
            violations.add(new Violation("spec.healthyThreshold", "must be a percentage from 1 to 100, was " + threshold));
        }
        ThresholdRules.check(spec, violations);
        if (spec.getLoad() != null) {
            ArrivalRateRules.check(spec.getLoad(), spec.getEngine(), workers, violations);
        }
        ScheduleRules.check(spec, violations);
        if ("native".equals(spec.getEngine()) && spec.getLoad() != null && spec.getLoad().getThroughput() != null) {
            violations.add(new Violation("spec.load.throughput", "is a Taurus option: it needs engine taurus, not native"));
        }
        return violations;
    }

    private static void validateScenario(LoadTestSpec spec, List<Violation> violations) {
        if (spec.getScenario() == null) {
            violations.add(new Violation("spec.scenario", "is missing"));
            return;
        }
        List<HttpRequestSpec> requests = spec.getScenario().getRequests();
        if (spec.getScenario().getJmeter() != null) {
            if (requests != null) {
                violations.add(new Violation("spec.scenario", "set either requests or jmeter, not both"));
            }
            if ("native".equals(spec.getEngine())) {
                violations.add(new Violation("spec.engine", "a JMeter plan runs on engine taurus, not native"));
            }
            PlanRefRules.check(spec.getScenario().getJmeter(), violations);
            return;
        }
        if (requests == null || requests.isEmpty()) {
            violations.add(new Violation("spec.scenario.requests", "needs at least one request (or set spec.scenario.jmeter)"));
            return;
        }
        RequestRules.check(requests, violations);
        FieldRules.duration("spec.scenario.requestTimeout", spec.getScenario().getRequestTimeout(), false, false,
                SpecLimits.MAX_REQUEST_TIMEOUT, violations);
    }

    private static void validateLoad(LoadSpec load, List<Violation> violations) {
        if (load == null) {
            violations.add(new Violation("spec.load", "is missing"));
            return;
        }
        Integer concurrency = load.getConcurrency();
        if (concurrency == null || concurrency < 1) {
            violations.add(new Violation("spec.load.concurrency", "must be at least 1, was " + concurrency));
        } else if (concurrency > SpecLimits.MAX_CONCURRENCY) {
            violations.add(new Violation("spec.load.concurrency", "must be at most " + SpecLimits.MAX_CONCURRENCY
                    + " virtual users per worker (add workers for more), was " + concurrency));
        }
        FieldRules.duration("spec.load.rampUp", load.getRampUp(), false, true, SpecLimits.MAX_RAMP_UP, violations);
        FieldRules.duration("spec.load.holdFor", load.getHoldFor(), true, false, SpecLimits.MAX_HOLD_FOR, violations);
        if (load.getThroughput() != null && load.getThroughput() < 1) {
            violations.add(new Violation("spec.load.throughput", "must be at least 1 request per second, was " + load.getThroughput()));
        }
    }

    /** Checks the worker groups and returns the number of workers they ask for. */
    private static int validateWorkers(List<WorkerGroupSpec> workers, List<Violation> violations) {
        if (workers == null || workers.isEmpty()) {
            violations.add(new Violation("spec.workers", "needs at least one worker group"));
            return 0;
        }
        if (workers.size() > SpecLimits.MAX_WORKER_GROUPS) {
            violations.add(new Violation("spec.workers", "at most " + SpecLimits.MAX_WORKER_GROUPS + " worker groups are allowed, was "
                    + workers.size()));
            return 0;
        }
        int total = 0;
        Map<String, Integer> regions = new HashMap<>();
        for (int i = 0; i < workers.size(); i++) {
            WorkerGroupSpec group = workers.get(i);
            String path = "spec.workers[" + i + "]";
            if (group == null) {
                violations.add(new Violation(path, "is empty"));
                continue;
            }
            if (group.getCount() == null || group.getCount() < 1) {
                violations.add(new Violation(path + ".count", "must be at least 1, was " + group.getCount()));
            } else if (group.getCount() > SpecLimits.MAX_WORKERS_PER_GROUP) {
                violations.add(new Violation(path + ".count", "must be at most " + SpecLimits.MAX_WORKERS_PER_GROUP + ", was " + group.getCount()));
            } else {
                total += group.getCount();
            }
            WorkerSettingsRules.check(group, path, violations);
            String backend = group.getBackend();
            String ref = group.getTestRegionRef();
            if ("ecs-fargate".equals(backend)) {
                if (ref == null || ref.isBlank()) {
                    violations.add(new Violation(path + ".testRegionRef", "is required for backend ecs-fargate"));
                    continue;
                }
                int before = violations.size();
                FieldRules.objectName(path + ".testRegionRef", ref, violations);
                if (violations.size() == before && regions.putIfAbsent(ref, i) != null) {
                    violations.add(new Violation(path + ".testRegionRef", FieldRules.quote(ref) + " is used by two groups; merge them"));
                }
            } else if ("eks-fargate".equals(backend)) {
                if (ref != null && !ref.isBlank()) {
                    violations.add(new Violation(path + ".testRegionRef", "applies to backend ecs-fargate only"));
                }
                if (regions.putIfAbsent("", i) != null) {
                    violations.add(new Violation(path + ".backend", "eks-fargate is used by two groups; merge them"));
                }
            } else {
                violations.add(new Violation(path + ".backend", "must be eks-fargate or ecs-fargate, was "
                        + (backend == null ? "missing" : FieldRules.quote(backend))));
            }
        }
        if (total > SpecLimits.MAX_WORKERS) {
            violations.add(new Violation("spec.workers", "asks for " + total + " workers, at most " + SpecLimits.MAX_WORKERS + " are allowed"));
        }
        return total;
    }
}
