package dev.dlt.operator.run;

import dev.dlt.operator.api.HeaderFromSpec;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.SecretKeyRefSpec;
import dev.dlt.operator.api.SpecLimits;
import dev.dlt.operator.api.ValueFromSpec;
import dev.dlt.operator.plan.InvalidPlanException;
import dev.dlt.results.scenario.SealedRequestValues;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the Secret keys a LoadTest's requests reference ({@code headersFrom}, {@code bodyFrom}) when a
 * run launches, keyed by the placeholders the scenario carries. Problems name the field, the Secret
 * and the key, never a value.
 */
public class RequestSecretValues {

    private static final Pattern CONTROL_CHARS = Pattern.compile(SpecLimits.CONTROL_CHARS);
    private final KubernetesClient client;

    public RequestSecretValues(KubernetesClient client) {
        this.client = client;
    }

    /** Placeholder to value for every Secret reference of the test; empty when it has none. */
    public Map<String, String> resolve(LoadTest test) throws InvalidPlanException {
        List<HttpRequestSpec> requests = test.getSpec().getScenario().getRequests();
        Map<String, String> values = new LinkedHashMap<>();
        if (requests == null) {
            return values;
        }
        String namespace = test.getMetadata().getNamespace();
        Map<String, Secret> secrets = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            HttpRequestSpec r = requests.get(i);
            String path = "spec.scenario.requests[" + i + "]";
            List<HeaderFromSpec> headers = r.getHeadersFrom() == null ? List.of() : r.getHeadersFrom();
            for (int j = 0; j < headers.size(); j++) {
                String field = path + ".headersFrom[" + j + "].valueFrom.secretKeyRef";
                String value = read(namespace, headers.get(j).getValueFrom(), field, secrets);
                if (value.length() > SpecLimits.MAX_HEADER_VALUE) {
                    throw new InvalidPlanException(field, describe(headers.get(j).getValueFrom()) + " holds " + value.length()
                            + " characters; a header value may have at most " + SpecLimits.MAX_HEADER_VALUE);
                }
                if (CONTROL_CHARS.matcher(value).find()) {
                    throw new InvalidPlanException(field, describe(headers.get(j).getValueFrom())
                            + " holds CR, LF or other control characters, which a header value must not (a trailing newline?)");
                }
                values.put(SealedRequestValues.headerPlaceholder(i, headers.get(j).getName()), value);
            }
            if (r.getBodyFrom() != null) {
                String field = path + ".bodyFrom.secretKeyRef";
                String value = read(namespace, r.getBodyFrom(), field, secrets);
                if (value.length() > SpecLimits.MAX_BODY) {
                    throw new InvalidPlanException(field, describe(r.getBodyFrom()) + " holds " + value.length()
                            + " characters; a body may have at most " + SpecLimits.MAX_BODY);
                }
                values.put(SealedRequestValues.bodyPlaceholder(i), value);
            }
        }
        return values;
    }

    private String read(String namespace, ValueFromSpec from, String field, Map<String, Secret> secrets) throws InvalidPlanException {
        SecretKeyRefSpec ref = from.getSecretKeyRef();
        Secret secret = secrets.computeIfAbsent(ref.getName(), name -> client.secrets().inNamespace(namespace).withName(name).get());
        if (secret == null) {
            throw new InvalidPlanException(field, "secret " + ref.getName() + " not found in namespace " + namespace);
        }
        if (secret.getData() != null && secret.getData().containsKey(ref.getKey())) {
            try {
                return new String(Base64.getDecoder().decode(secret.getData().get(ref.getKey())), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidPlanException(field, describe(from) + " is not valid base64 in the Secret's data");
            }
        }
        if (secret.getStringData() != null && secret.getStringData().containsKey(ref.getKey())) {
            return secret.getStringData().get(ref.getKey());
        }
        throw new InvalidPlanException(field, "secret " + ref.getName() + " has no key " + ref.getKey());
    }

    private static String describe(ValueFromSpec from) {
        return "key " + from.getSecretKeyRef().getKey() + " of secret " + from.getSecretKeyRef().getName();
    }
}
