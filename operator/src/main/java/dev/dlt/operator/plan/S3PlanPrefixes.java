package dev.dlt.operator.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a namespace may read JMeter plans from in S3: {@code plans/<namespace>/} of the operator's
 * bucket, plus the operator's allow-list of {@code bucket/prefix} entries in which
 * {@code {namespace}} stands for the LoadTest's namespace. The operator reads plans with its own
 * credentials, so without this a LoadTest could copy any object the operator can read into its run.
 */
public final class S3PlanPrefixes {

    public static final String NAMESPACE = "{namespace}";
    private final List<String> entries;

    /**
     * @param defaultBucket the operator's bucket
     * @param allowed more {@code bucket/prefix} entries, {@code {namespace}} standing for the LoadTest's namespace
     */
    public S3PlanPrefixes(String defaultBucket, List<String> allowed) {
        List<String> all = new ArrayList<>();
        all.add(defaultBucket + "/plans/" + NAMESPACE + "/");
        for (String entry : allowed) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("s3://")) {
                trimmed = trimmed.substring("s3://".length());
            }
            all.add(trimmed.contains("/") ? trimmed : trimmed + "/");
        }
        this.entries = List.copyOf(all);
    }

    /** True when the namespace may read this object. */
    public boolean allows(String namespace, String bucket, String key) {
        return prefixes(namespace).stream().anyMatch(p -> {
            int slash = p.indexOf('/');
            return p.substring(0, slash).equals(bucket) && key.startsWith(p.substring(slash + 1));
        });
    }

    /** The namespace's prefixes as {@code bucket/prefix}; a prefix naming the namespace always ends at a '/' so that team-a does not reach team-ab. */
    public List<String> prefixes(String namespace) {
        return entries.stream().map(e -> {
            if (!e.contains(NAMESPACE)) {
                return e;
            }
            String resolved = e.replace(NAMESPACE, namespace);
            return resolved.endsWith("/") ? resolved : resolved + "/";
        }).toList();
    }
}
