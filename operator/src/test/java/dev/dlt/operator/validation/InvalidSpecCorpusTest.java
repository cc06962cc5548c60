package dev.dlt.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.CrdSchema;
import dev.dlt.operator.api.LoadTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every case of the invalid-spec corpus is refused by the operator naming the exact field, and by
 * the CRD schema (OpenAPI + CEL rules) exactly when the corpus says the API server refuses it.
 */
class InvalidSpecCorpusTest {

    private static final CrdSchema SCHEMA = CrdSchema.loadTests();
    private final SpecValidator validator = new SpecValidator();

    static Stream<SpecCorpus.Case> cases() {
        return SpecCorpus.cases().stream();
    }

    @Test
    void theCorpusIsLargeAndItsBaseValid() {
        assertThat(SpecCorpus.cases()).hasSizeGreaterThanOrEqualTo(40);
        LoadTest base = SpecCorpus.loadTest(SpecCorpus.spec("{}"));
        assertThat(validator.validate(base.getSpec())).isEmpty();
        assertThat(SCHEMA.violations(SpecCorpus.spec("{}"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOperatorRefusesItNamingTheField(SpecCorpus.Case c) {
        List<Violation> violations = validator.validate(SpecCorpus.loadTest(c.spec()).getSpec());

        assertThat(violations).as(c.name()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(c.field());
            assertThat(v.toString()).startsWith(c.field() + ": ").contains(c.message());
        });
        assertThat(violations).as("messages stay on one line").allSatisfy(v -> assertThat(v.toString()).doesNotContain("\r", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCrdSchemaRefusesItWhereTheCorpusSaysSo(SpecCorpus.Case c) {
        List<String> violations = SCHEMA.violations(c.spec());

        if (c.schema()) {
            // the API server names the field, or the object whose rule (a CEL rule on a list, say) refused it
            assertThat(violations).as(c.name()).anySatisfy(v -> {
                String path = v.substring(0, v.indexOf(": "));
                assertThat(c.field().equals(path) || c.field().startsWith(path + ".") || c.field().startsWith(path + "[")
                        || path.startsWith(c.field() + ".")).as(v).isTrue();
            });
        } else {
            assertThat(violations).as(c.name() + ": only the operator refuses it").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{load: {holdFor: 24h, rampUp: 6h, concurrency: 5000}, workers: [{backend: eks-fargate, count: 100}]}",
        "{load: {holdFor: 0.5s, rampUp: 0s}}",
        "{load: {holdFor: \"90\"}}",
        "{scenario: {requestTimeout: 10m}}",
        "{scenario: {requests: [{label: \"${l*128}\", url: \"http://[::1]:65535/a?b=c#d\"}]}}",
        "{scenario: {requests: [{url: \"https://shop.example.com:1/\", method: POST, headers: {\"!#$%&'*+-.^_`|~Az09\": \"v\\tw\"}, body: \"${b*65536}\"}]}}",
        "{scenario: {requests: [{label: a, url: \"http://127.0.0.1:9/\"}, {url: \"http://127.0.0.1:9/\"}, {url: \"http://127.0.0.1:9/\"}]}}",
        "{workers: [{backend: eks-fargate, count: 500}, {backend: ecs-fargate, testRegionRef: us-west-2.a, count: 500}], healthyThreshold: 100}",
        "{engine: taurus, scenario: {requests: null, jmeter: {s3: {bucket: my.bucket-1, key: plans/team-a/suite.ZIP}}}, healthyThreshold: 1}",
        "{engine: taurus, scenario: {requests: null, jmeter: {configMapRef: {name: checkout.plans, key: Suite_1.jmx}}}}",
    })
    void acceptsWhatIsWithinTheLimits(String patch) {
        var spec = SpecCorpus.spec(patch);

        assertThat(validator.validate(SpecCorpus.loadTest(spec).getSpec())).isEmpty();
        assertThat(SCHEMA.violations(spec)).isEmpty();
    }
}
