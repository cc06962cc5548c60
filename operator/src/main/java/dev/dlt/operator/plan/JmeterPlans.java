package dev.dlt.operator.plan;

import dev.dlt.operator.api.ConfigMapKeyRef;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.S3ObjectRef;
import dev.dlt.operator.api.SpecLimits;
import dev.dlt.operator.store.ObjectStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads a LoadTest's JMeter plan from its ConfigMap or S3 object and checks it before anything is
 * launched, so that a broken plan fails the LoadTest with a clear message instead of every worker.
 */
public class JmeterPlans {

    /** Plans bigger than this are refused (a ConfigMap holds 1 MiB; zips with data files are bigger). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final Pattern OBJECT_NAME = Pattern.compile(SpecLimits.DNS_1123_SUBDOMAIN);
    private final KubernetesClient client;
    private final ObjectStore store;
    private final String defaultBucket;
    private final S3PlanPrefixes prefixes;

    /** Plans in S3 only under {@code plans/<namespace>/} of the default bucket. */
    public JmeterPlans(KubernetesClient client, ObjectStore store, String defaultBucket) {
        this(client, store, defaultBucket, List.of());
    }

    /** Plans in S3 under {@code plans/<namespace>/} of the default bucket and the allowed {@code bucket/prefix} entries. */
    public JmeterPlans(KubernetesClient client, ObjectStore store, String defaultBucket, List<String> allowedS3Prefixes) {
        this.client = client;
        this.store = store;
        this.defaultBucket = defaultBucket;
        this.prefixes = new S3PlanPrefixes(defaultBucket, allowedS3Prefixes);
    }

    public JmeterPlan load(String namespace, JmeterPlanSpec spec) throws InvalidPlanException {
        String field;
        String key;
        byte[] content;
        if (spec.getConfigMapRef() != null) {
            ConfigMapKeyRef ref = spec.getConfigMapRef();
            field = "spec.scenario.jmeter.configMapRef";
            key = ref.getKey();
            content = fromConfigMap(namespace, ref, field);
        } else {
            S3ObjectRef ref = spec.getS3();
            field = "spec.scenario.jmeter.s3";
            key = ref.getKey();
            String bucket = ref.getBucket() == null || ref.getBucket().isBlank() ? defaultBucket : ref.getBucket();
            content = fromS3(namespace, bucket, key, field);
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidPlanException(field, key + " is bigger than " + MAX_BYTES + " bytes");
        }
        PlanContent.check(key, content, field);
        return new JmeterPlan(JmeterPlan.fileName(key), content);
    }

    private byte[] fromS3(String namespace, String bucket, String key, String field) throws InvalidPlanException {
        // one message for a forbidden, a missing and an unreadable object: it must not tell whether a key exists
        InvalidPlanException refused = new InvalidPlanException(field, "s3://" + bucket + "/" + key
                + " is not a plan this namespace can read: plans of namespace " + namespace + " must be existing objects under "
                + prefixes.prefixes(namespace).stream().map(p -> "s3://" + p).collect(Collectors.joining(" or ")));
        if (!prefixes.allows(namespace, bucket, key)) {
            throw refused;
        }
        try {
            return store.get(bucket, key).orElseThrow(() -> refused);
        } catch (S3Exception e) {
            if (e.statusCode() == 403 || e.statusCode() == 404) {
                throw refused;
            }
            throw e;
        }
    }

    private byte[] fromConfigMap(String namespace, ConfigMapKeyRef ref, String field) throws InvalidPlanException {
        if (ref.getName() == null || !OBJECT_NAME.matcher(ref.getName()).matches()) {
            // never let a name that is not an object name become part of an API path, whoever skipped validation
            throw new InvalidPlanException(field + ".name", "must be a Kubernetes object name");
        }
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.getName()).get();
        if (map == null) {
            throw new InvalidPlanException(field, "ConfigMap " + namespace + "/" + ref.getName() + " does not exist");
        }
        Optional<String> text = Optional.ofNullable(map.getData()).map(d -> d.get(ref.getKey()));
        if (text.isPresent()) {
            return text.get().getBytes(StandardCharsets.UTF_8);
        }
        Optional<String> binary = Optional.ofNullable(map.getBinaryData()).map(d -> d.get(ref.getKey()));
        if (binary.isPresent()) {
            return Base64.getDecoder().decode(binary.get());
        }
        throw new InvalidPlanException(field, "ConfigMap " + namespace + "/" + ref.getName() + " has no key " + ref.getKey());
    }
}
