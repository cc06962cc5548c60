package dev.dlt.operator.validation;

import dev.dlt.operator.api.ConfigMapKeyRef;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.S3ObjectRef;
import dev.dlt.operator.api.SpecLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the syntax of a JMeter plan reference: a ConfigMap name and key, or an S3 bucket and key.
 * Whether the namespace may read that S3 prefix is decided by {@code JmeterPlans}, which knows the
 * namespace and the operator's allow-list.
 */
final class PlanRefRules {

    private static final Pattern CONFIG_MAP_KEY = Pattern.compile(SpecLimits.CONFIG_MAP_KEY);
    private static final Pattern S3_BUCKET = Pattern.compile(SpecLimits.S3_BUCKET);
    private static final Pattern IP_ADDRESS = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");

    private PlanRefRules() {
    }

    static void check(JmeterPlanSpec jmeter, List<Violation> violations) {
        if ((jmeter.getConfigMapRef() == null) == (jmeter.getS3() == null)) {
            violations.add(new Violation("spec.scenario.jmeter", "set either configMapRef or s3"));
        } else if (jmeter.getConfigMapRef() != null) {
            configMap(jmeter.getConfigMapRef(), violations);
        } else {
            s3(jmeter.getS3(), violations);
        }
    }

    private static void configMap(ConfigMapKeyRef ref, List<Violation> violations) {
        String field = "spec.scenario.jmeter.configMapRef";
        FieldRules.objectName(field + ".name", ref.getName(), violations);
        String key = ref.getKey();
        if (blank(key)) {
            violations.add(new Violation(field + ".key", "is required"));
        } else if (key.length() > SpecLimits.MAX_NAME || !CONFIG_MAP_KEY.matcher(key).matches()) {
            violations.add(new Violation(field + ".key", "must be a ConfigMap key (at most 253 letters, digits, '-', '_' and '.'), was "
                    + FieldRules.quote(key)));
        } else {
            planExtension(field + ".key", key, violations);
        }
    }

    private static void s3(S3ObjectRef ref, List<Violation> violations) {
        String field = "spec.scenario.jmeter.s3";
        String bucket = ref.getBucket();
        if (bucket != null && (!S3_BUCKET.matcher(bucket).matches() || bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches())) {
            violations.add(new Violation(field + ".bucket", "must be an S3 bucket name (3 to 63 lowercase letters, digits, '.' and '-'), was "
                    + FieldRules.quote(bucket)));
        }
        String key = ref.getKey();
        if (blank(key)) {
            violations.add(new Violation(field + ".key", "is required"));
        } else if (key.getBytes(StandardCharsets.UTF_8).length > SpecLimits.MAX_S3_KEY) {
            violations.add(new Violation(field + ".key", "must be at most " + SpecLimits.MAX_S3_KEY + " bytes, was "
                    + key.getBytes(StandardCharsets.UTF_8).length));
        } else if (FieldRules.hasControlChars(key) || key.startsWith("/") || key.contains("\\") || key.contains("//")
                || List.of(key.split("/", -1)).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            violations.add(new Violation(field + ".key", "must be a plain object key (no control characters, backslashes, leading '/', "
                    + "empty, '.' or '..' segments), was " + FieldRules.quote(key)));
        } else {
            planExtension(field + ".key", key, violations);
        }
    }

    private static void planExtension(String field, String key, List<Violation> violations) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".jmx") && !lower.endsWith(".zip")) {
            violations.add(new Violation(field, "must name a .jmx plan or a .zip with one, was " + FieldRules.quote(key)));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
