package dev.dlt.operator;

import dev.dlt.operator.api.ConfigMapKeyRef;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.LoadSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.ScenarioSpec;
import dev.dlt.operator.api.WorkerGroupSpec;
import java.util.ArrayList;
import java.util.List;

/** Specs for tests. */
public final class TestSpecs {

    private TestSpecs() {
    }

    /** A JMeter plan from a key of a ConfigMap. */
    public static JmeterPlanSpec jmeterFromConfigMap(String name, String key) {
        ConfigMapKeyRef ref = new ConfigMapKeyRef();
        ref.setName(name);
        ref.setKey(key);
        JmeterPlanSpec spec = new JmeterPlanSpec();
        spec.setConfigMapRef(ref);
        return spec;
    }

    /** A valid spec: one request, 5 users for 1s + 5s, 3 EKS workers. */
    public static LoadTestSpec valid() {
        HttpRequestSpec request = new HttpRequestSpec();
        request.setLabel("home");
        request.setUrl("http://127.0.0.1:8080/");
        ScenarioSpec scenario = new ScenarioSpec();
        scenario.setRequests(new ArrayList<>(List.of(request)));
        LoadSpec load = new LoadSpec();
        load.setConcurrency(5);
        load.setRampUp("1s");
        load.setHoldFor("5s");
        WorkerGroupSpec group = new WorkerGroupSpec();
        group.setBackend("eks-fargate");
        group.setCount(3);
        LoadTestSpec spec = new LoadTestSpec();
        spec.setScenario(scenario);
        spec.setLoad(load);
        spec.setWorkers(new ArrayList<>(List.of(group)));
        return spec;
    }
}
