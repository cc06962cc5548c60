package dev.dlt.operator.validation;

import dev.dlt.operator.api.TolerationSpec;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.backend.FargateSizes;
import dev.dlt.operator.backend.eks.WorkerPods;
import java.util.List;
import java.util.Map;

/** Checks a worker group's own settings: sizes (Fargate task pairs for ECS), reserved labels, EKS-only fields. */
final class WorkerSettingsRules {

    private static final String RESERVED_PREFIX = "load.dlt.dev/";
    private static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";
    private static final String LABEL_KEY = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

    private WorkerSettingsRules() {
    }

    static void check(WorkerGroupSpec group, String path, List<Violation> violations) {
        boolean ecs = "ecs-fargate".equals(group.getBackend());
        Long cpu = null;
        Long memory = null;
        if (group.getResources() != null) {
            cpu = quantity(path + ".resources.cpu", group.getResources().getCpu(), true, violations);
            memory = quantity(path + ".resources.memory", group.getResources().getMemory(), false, violations);
            if (ecs) {
                fargatePair(path + ".resources", group.getResources().getCpu(), cpu, group.getResources().getMemory(), memory, violations);
            }
        }
        if (ecs) {
            eksOnly(path + ".nodeSelector", group.getNodeSelector() != null && !group.getNodeSelector().isEmpty(), violations);
            eksOnly(path + ".tolerations", group.getTolerations() != null && !group.getTolerations().isEmpty(), violations);
            eksOnly(path + ".labels", group.getLabels() != null && !group.getLabels().isEmpty(), violations);
            eksOnly(path + ".annotations", group.getAnnotations() != null && !group.getAnnotations().isEmpty(), violations);
            eksOnly(path + ".serviceAccountName", group.getServiceAccountName() != null, violations);
            return;
        }
        labels(path + ".labels", group.getLabels(), violations);
        if (group.getTolerations() != null) {
            for (int i = 0; i < group.getTolerations().size(); i++) {
                TolerationSpec t = group.getTolerations().get(i);
                if (t != null && "Exists".equals(t.getOperator()) && t.getValue() != null && !t.getValue().isEmpty()) {
                    violations.add(new Violation(path + ".tolerations[" + i + "].value", "must be empty with operator Exists"));
                }
            }
        }
    }

    private static Long quantity(String field, String value, boolean cpu, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        Long amount = cpu ? FargateSizes.cpuUnits(value) : FargateSizes.memoryMib(value);
        if (amount == null || amount <= 0) {
            violations.add(new Violation(field, "must be a positive " + (cpu ? "CPU quantity (e.g. 1, 500m)" : "memory quantity (e.g. 2Gi)")
                    + ", was " + FieldRules.quote(value)));
            return null;
        }
        return amount;
    }

    private static void fargatePair(String path, String cpuText, Long cpu, String memoryText, Long memory, List<Violation> violations) {
        if (cpuText == null && memoryText == null) {
            return;
        }
        if (cpuText == null || memoryText == null) {
            violations.add(new Violation(path + (cpuText == null ? ".cpu" : ".memory"),
                    "is required with " + (cpuText == null ? "memory" : "cpu") + " on ecs-fargate: Fargate accepts a task size as a pair"));
            return;
        }
        if (cpu == null || memory == null) {
            return;
        }
        if (!FargateSizes.FARGATE_CPU_UNITS.contains(cpu)) {
            violations.add(new Violation(path + ".cpu", "Fargate task CPU must be one of 0.25, 0.5, 1, 2, 4, 8, 16 vCPU, was "
                    + FieldRules.quote(cpuText)));
        } else if (!FargateSizes.fargatePair(cpu, memory)) {
            violations.add(new Violation(path + ".memory", "is not a Fargate memory size for " + FieldRules.quote(cpuText) + " vCPU: "
                    + FargateSizes.fargateMemoryRange(cpu) + ", was " + FieldRules.quote(memoryText)));
        }
    }

    /** Whether a label key is one the operator sets on its pods and selects them by. */
    static boolean reservedLabel(String key) {
        return key.equals(WorkerPods.NAME) || key.equals(WorkerPods.MANAGED_BY) || key.startsWith(RESERVED_PREFIX);
    }

    private static void eksOnly(String field, boolean set, List<Violation> violations) {
        if (set) {
            violations.add(new Violation(field, "applies to backend eks-fargate only"));
        }
    }

    private static void labels(String field, Map<String, String> labels, List<Violation> violations) {
        if (labels == null) {
            return;
        }
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> {
            String key = label.getKey();
            String name = key.substring(key.indexOf('/') + 1);
            if (reservedLabel(key)) {
                violations.add(new Violation(field + "[" + key + "]", "is set by the operator to find its pods and cannot be overridden"));
            } else if (!key.matches(LABEL_KEY) || name.length() > 63 || key.length() - name.length() > 254) {
                violations.add(new Violation(field + "[" + FieldRules.quote(key) + "]", "is not a valid label key"));
            } else if (label.getValue() == null || label.getValue().length() > 63 || !label.getValue().matches(LABEL_VALUE)) {
                violations.add(new Violation(field + "[" + key + "]", "must be a label value: at most 63 letters, digits, '-', '_' or '.',"
                        + " starting and ending with a letter or digit"));
            }
        });
    }
}
