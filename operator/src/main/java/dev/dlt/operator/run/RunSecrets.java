package dev.dlt.operator.run;

import dev.dlt.backend.RunRef;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.backend.eks.WorkerPods;
import dev.dlt.operator.plan.InvalidPlanException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The per-run start-gate secret, kept in a Kubernetes Secret owned by the LoadTest: created once per
 * run, read back after an operator restart, referenced by worker pods, deleted with the run.
 */
public class RunSecrets {

    static final String KEY = "secret";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KubernetesClient client;
    private final RequestSecretValues requestValues;

    public RunSecrets(KubernetesClient client) {
        this.client = client;
        this.requestValues = new RequestSecretValues(client);
    }

    /** The values of the Secret keys the test's requests reference, by scenario placeholder. */
    public Map<String, String> requestValues(LoadTest test) throws InvalidPlanException {
        return requestValues.resolve(test);
    }

    public byte[] ensure(LoadTest test, RunRef run) {
        String name = WorkerPods.secretName(run);
        Secret existing = client.secrets().inNamespace(run.namespace()).withName(name).get();
        if (existing != null && existing.getData() != null && existing.getData().containsKey(KEY)) {
            return Base64.getDecoder().decode(Base64.getDecoder().decode(existing.getData().get(KEY)));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        // the value is the base64 text of the secret, since it reaches the agent as an env var
        byte[] text = Base64.getEncoder().encode(secret);
        client.secrets().inNamespace(run.namespace()).resource(new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(run.namespace())
                    .withLabels(Map.of(WorkerPods.MANAGED_BY, WorkerPods.MANAGED_BY_VALUE, WorkerPods.TEST_UID, run.testUid(),
                            WorkerPods.RUN, run.runId()))
                    .addNewOwnerReference().withApiVersion(test.getApiVersion()).withKind(test.getKind())
                        .withName(test.getMetadata().getName()).withUid(test.getMetadata().getUid()).withController(true)
                    .endOwnerReference()
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of(KEY, Base64.getEncoder().encodeToString(text)))
                .build()).create();
        return secret;
    }

    public void delete(RunRef run) {
        client.secrets().inNamespace(run.namespace()).withName(WorkerPods.secretName(run)).delete();
    }
}
