package dev.dlt.operator.region;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.operator.api.SpecLimits;
import dev.dlt.operator.api.TestRegion;
import dev.dlt.operator.plan.TestRegions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.regex.Pattern;

/** Looks TestRegions up in the API server; only a Ready one can be used. */
public final class KubernetesTestRegions implements TestRegions {

    private static final Pattern NAME = Pattern.compile(SpecLimits.DNS_1123_SUBDOMAIN);
    private final KubernetesClient client;
    private final String defaultBucket;

    public KubernetesTestRegions(KubernetesClient client, String defaultBucket) {
        this.client = client;
        this.defaultBucket = defaultBucket;
    }

    @Override
    public TestRegionSettings settings(String namespace, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            // never let a reference that is not an object name become part of an API path
            throw new UnusableTestRegion("TestRegion name '" + name + "' is not a Kubernetes object name");
        }
        TestRegion region = client.resources(TestRegion.class).inNamespace(namespace).withName(name).get();
        if (region == null) {
            throw new UnusableTestRegion("TestRegion " + namespace + "/" + name + " does not exist", true);
        }
        var status = region.getStatus();
        boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        if (!ready) {
            boolean unchecked = status == null || status.getConditions() == null || status.getConditions().isEmpty();
            String why = unchecked ? "not checked yet" : status.getMessage();
            throw new UnusableTestRegion("TestRegion " + namespace + "/" + name + " is not Ready: " + why, unchecked);
        }
        return TestRegionSettingsMapper.settings(region, defaultBucket);
    }
}
