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

/** A distributed load test: applying one runs it; its status carries the run and the aggregated result. */
@JsonClassDescription("A distributed load test: applying one runs it; its status carries the run and the aggregated result.")
@Group(LoadTest.GROUP)
@Version(LoadTest.VERSION)
@Categories("dlt")
@ShortNames("lt")
@Plural("loadtests")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Verdict", jsonPath = ".status.result.verdict", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Workers", jsonPath = ".status.workers", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "RPS", jsonPath = ".status.result.rps", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "P95", jsonPath = ".status.p95", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Errors%", jsonPath = ".status.result.errorRate", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Next Run", jsonPath = ".status.nextRunAt", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Requests", jsonPath = ".status.result.requests", type = AdditionalPrinterColumn.Type.INTEGER, priority = 1)
public class LoadTest extends CustomResource<LoadTestSpec, LoadTestStatus> implements Namespaced {

    public static final String GROUP = "load.dlt.dev";
    public static final String VERSION = "v1alpha1";

    // bound leniently: a spec of the wrong shape fails only this resource, not the informer (see LenientSpecDeserializer)
    @Override
    @JsonPropertyDescription("What to run: the scenario (HTTP requests or a JMeter plan), the load (concurrency, ramp-up, hold-for) and the worker groups (where and how many).")
    @JsonSerialize(using = LenientSpecSerializer.class)
    public LoadTestSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonDeserialize(using = LenientSpecDeserializer.class)
    public void setSpec(LoadTestSpec spec) {
        super.setSpec(spec);
    }

    @Override
    @JsonPropertyDescription("What happened: phase, conditions, the current run and the aggregated result of the last finished run (written by the operator).")
    public LoadTestStatus getStatus() {
        return super.getStatus();
    }
}
