package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An AWS region's ECS cluster for load-test workers; LoadTests refer to it by name from {@code spec.workers[].testRegionRef}. */
@JsonClassDescription("An AWS region's ECS cluster for load-test workers; LoadTests refer to it by name from spec.workers[].testRegionRef.")
@Group(LoadTest.GROUP)
@Version(LoadTest.VERSION)
@Categories("dlt")
@ShortNames("tr")
@Plural("testregions")
@AdditionalPrinterColumn(name = "Region", jsonPath = ".spec.region", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Cluster", jsonPath = ".spec.cluster", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Message", jsonPath = ".status.message", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class TestRegion extends CustomResource<TestRegionSpec, TestRegionStatus> implements Namespaced {

    // bound leniently: a spec of the wrong shape fails only this resource, not the informer (see LenientSpecDeserializer)
    @Override
    @JsonPropertyDescription("The ECS cluster, subnets, security groups and task settings of the region's workers.")
    @JsonSerialize(using = LenientSpecSerializer.class)
    public TestRegionSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonDeserialize(using = LenientSpecDeserializer.class)
    public void setSpec(TestRegionSpec spec) {
        super.setSpec(spec);
    }

    @Override
    @JsonPropertyDescription("Whether the region can run workers: the Ready condition and when it was last checked (written by the operator).")
    public TestRegionStatus getStatus() {
        return super.getStatus();
    }
}
