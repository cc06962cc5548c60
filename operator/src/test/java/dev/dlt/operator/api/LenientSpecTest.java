package dev.dlt.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** A spec the classes cannot bind becomes a marked, empty spec that serializes back to the JSON it came as. */
class LenientSpecTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @Test
    void aBoundSpecRoundTripsAsUsual() {
        LoadTest test = loadTest("{\"load\":{\"concurrency\":5,\"holdFor\":\"5s\"},\"healthyThreshold\":80}");

        assertThat(test.getSpec().bindingProblem()).isNull();
        assertThat(test.getSpec().getLoad().getConcurrency()).isEqualTo(5);
        assertThat(test.getSpec().healthyThresholdPercent()).isEqualTo(80);
        assertThat(JSON.asJson(test)).contains("\"spec\":{\"load\":{\"concurrency\":5,\"holdFor\":\"5s\"},\"healthyThreshold\":80}");
        assertThat(new LoadTestSpec().healthyThresholdPercent()).as("the default").isEqualTo(90);
    }

    @Test
    void anUnboundSpecNamesTheFieldAndKeepsItsJson() {
        String spec = "{\"load\":{\"concurrency\":\"lots\",\"holdFor\":\"5s\"},\"workers\":[{\"backend\":\"eks-fargate\",\"count\":2}]}";
        LoadTest test = loadTest(spec);

        assertThat(test.getSpec().bindingProblem()).isEqualTo(new BindingProblem("spec.load.concurrency", "must be a whole number, was 'lots'"));
        assertThat(test.getSpec().getLoad()).isNull();
        assertThat(JSON.asJson(test)).contains("\"spec\":" + spec);
        LoadTest clone = JSON.clone(test);
        assertThat(clone.getSpec().bindingProblem()).as("a clone (as the framework makes) fails the same way").isEqualTo(test.getSpec().bindingProblem());
    }

    @Test
    void namesListIndexesMapKeysAndTheSpecItself() {
        assertThat(loadTest("{\"workers\":[{\"count\":1},{\"count\":[1]}]}").getSpec().bindingProblem())
                .isEqualTo(new BindingProblem("spec.workers[1].count", "must be a whole number, was a list"));
        assertThat(loadTest("{\"scenario\":{\"requests\":[{\"headers\":{\"X-A\":{\"b\":1}}}]}}").getSpec().bindingProblem().field())
                .isEqualTo("spec.scenario.requests[0].headers[\"X-A\"]");
        assertThat(loadTest("\"run it\"").getSpec().bindingProblem()).isEqualTo(new BindingProblem("spec", "must be an object, was 'run it'"));
        assertThat(loadTest("null").getSpec()).isNull();
    }

    @Test
    void aTestRegionIsBoundTheSameWay() {
        TestRegion region = JSON.unmarshal("{\"apiVersion\":\"load.dlt.dev/v1alpha1\",\"kind\":\"TestRegion\",\"metadata\":{\"name\":\"r\"},"
                + "\"spec\":{\"region\":\"us-west-2\",\"subnets\":\"subnet-1\"}}", TestRegion.class);

        assertThat(region.getSpec().bindingProblem()).isEqualTo(new BindingProblem("spec.subnets", "must be a list, was 'subnet-1'"));
        assertThat(JSON.asJson(region)).contains("\"subnets\":\"subnet-1\"");
    }

    private static LoadTest loadTest(String spec) {
        return JSON.unmarshal("{\"apiVersion\":\"load.dlt.dev/v1alpha1\",\"kind\":\"LoadTest\",\"metadata\":{\"name\":\"t\"},\"spec\":" + spec + "}",
                LoadTest.class);
    }
}
