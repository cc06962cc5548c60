package dev.dlt.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.operator.api.CrdSchema;
import dev.dlt.operator.api.TestRegion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every TestRegion field is bounded: the operator names the field, and the CRD schema refuses it where it can. */
class TestRegionValidatorTest {

    private static final String VALID = """
            {region: us-west-2, cluster: dlt-workers, taskDefinition: "dlt-load-tester:1", containerName: load-tester,
             subnets: [subnet-0a1b2c3d4e5f60001], securityGroups: [sg-0a1b2c3d4e5f60003], logGroup: /ecs/dlt-load-tester,
             bucket: my-dlt-results-us-west-2}""";
    private static final CrdSchema SCHEMA = CrdSchema.of("testregions.load.dlt.dev-v1.yml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "valid               | {}                                                              |                      |",
        "arn-and-revision    | {cluster: 'arn:aws:ecs:us-west-2:123456789012:cluster/w', taskDefinition: 'arn:aws:ecs:us-west-2:123456789012:task-definition/t:3'} | | ",
        "region              | {region: mars}                                                  | spec.region          | true",
        "cluster-with-space  | {cluster: my cluster}                                           | spec.cluster         | true",
        "cluster-missing     | {cluster: null}                                                 | spec.cluster         | true",
        "task-revision-word  | {taskDefinition: 'dlt:latest'}                                  | spec.taskDefinition  | true",
        "container-path      | {containerName: a/b}                                            | spec.containerName   | true",
        "no-subnets          | {subnets: []}                                                   | spec.subnets         | true",
        "17-subnets          | {subnets: [a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q]}                  | spec.subnets         | true",
        "6-security-groups   | {securityGroups: [a,b,c,d,e,f]}                                 | spec.securityGroups  | true",
        "subnet-with-crlf    | {subnets: [\"subnet-1\\r\\nx\"]}                                | spec.subnets[0]      | false",
        "log-group-space     | {logGroup: my logs}                                             | spec.logGroup        | true",
        "bucket-upper-case   | {bucket: My_Bucket}                                             | spec.bucket          | true",
        "public-ip-word      | {assignPublicIp: maybe}                                         | spec.assignPublicIp  | true",
    })
    void boundsEveryField(String name, String patch, String field, Boolean schemaRefuses) throws Exception {
        ObjectNode spec = (ObjectNode) SpecCorpus.YAML.readTree(VALID);
        SpecCorpus.YAML.readTree(patch).fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                spec.remove(e.getKey());
            } else {
                spec.set(e.getKey(), e.getValue());
            }
        });
        TestRegion region = new KubernetesSerialization().unmarshal("{\"apiVersion\":\"load.dlt.dev/v1alpha1\",\"kind\":\"TestRegion\","
                + "\"metadata\":{\"name\":\"r\"},\"spec\":" + spec + "}", TestRegion.class);

        List<Violation> violations = new TestRegionValidator().validate(region.getSpec());
        List<String> schema = SCHEMA.violations(spec);

        if (field == null) {
            assertThat(violations).isEmpty();
            assertThat(schema).isEmpty();
            return;
        }
        assertThat(violations).extracting(Violation::field).containsExactly(field);
        assertThat(violations.getFirst().toString()).doesNotContain("\r", "\n");
        if (schemaRefuses) {
            assertThat(schema).singleElement().asString().startsWith(field.replaceFirst("\\[\\d+]$", ""));
        } else {
            assertThat(schema).isEmpty();
        }
    }
}
