package dev.dlt.operator.validation;

import dev.dlt.operator.api.BindingProblem;
import dev.dlt.operator.api.SpecLimits;
import dev.dlt.operator.api.TestRegionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a TestRegion spec before ECS is asked about it: the same bounds as its CRD schema, with the field's path. */
public final class TestRegionValidator {

    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d+$");
    private static final Pattern CLUSTER = Pattern.compile(SpecLimits.ECS_CLUSTER);
    private static final Pattern TASK_DEFINITION = Pattern.compile(SpecLimits.ECS_TASK_DEFINITION);
    private static final Pattern CONTAINER = Pattern.compile(SpecLimits.ECS_CONTAINER);
    private static final Pattern LOG_GROUP = Pattern.compile(SpecLimits.LOG_GROUP);
    private static final Pattern BUCKET = Pattern.compile(SpecLimits.S3_BUCKET);

    public List<Violation> validate(TestRegionSpec spec) {
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
        required("spec.region", spec.getRegion(), REGION, "an AWS region such as us-west-2", violations);
        required("spec.cluster", spec.getCluster(), CLUSTER, "an ECS cluster name or ARN", violations);
        required("spec.taskDefinition", spec.getTaskDefinition(), TASK_DEFINITION, "a task definition family, family:revision or ARN",
                violations);
        required("spec.containerName", spec.getContainerName(), CONTAINER, "a container name (letters, digits, '-' and '_')", violations);
        ids("spec.subnets", spec.getSubnets(), SpecLimits.MAX_SUBNETS, violations);
        ids("spec.securityGroups", spec.getSecurityGroups(), SpecLimits.MAX_SECURITY_GROUPS, violations);
        optional("spec.logGroup", spec.getLogGroup(), LOG_GROUP, "a CloudWatch Logs group name", violations);
        optional("spec.bucket", spec.getBucket(), BUCKET, "an S3 bucket name", violations);
        return violations;
    }

    private static void required(String field, String value, Pattern pattern, String what, List<Violation> violations) {
        if (value == null || value.isEmpty()) {
            violations.add(new Violation(field, "is required"));
        } else {
            optional(field, value, pattern, what, violations);
        }
    }

    private static void optional(String field, String value, Pattern pattern, String what, List<Violation> violations) {
        if (value != null && !pattern.matcher(value).matches()) {
            violations.add(new Violation(field, "must be " + what + ", was " + FieldRules.quote(value)));
        }
    }

    private static void ids(String field, List<String> ids, int max, List<Violation> violations) {
        if (ids == null || ids.isEmpty()) {
            violations.add(new Violation(field, "needs at least one id"));
        } else if (ids.size() > max) {
            violations.add(new Violation(field, "at most " + max + " are allowed, was " + ids.size()));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (id == null || id.isEmpty() || id.length() > SpecLimits.MAX_AWS_ID || FieldRules.hasControlChars(id)
                        || id.chars().anyMatch(Character::isWhitespace)) {
                    violations.add(new Violation(field + "[" + i + "]", "must be an id without spaces or control characters, at most "
                            + SpecLimits.MAX_AWS_ID + " characters, was " + (id == null ? "empty" : FieldRules.quote(id))));
                }
            }
        }
    }
}
