package dev.dlt.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.HeaderFromSpec;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.SecretKeyRefSpec;
import dev.dlt.operator.api.ValueFromSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestSecretRulesTest {

    private final SpecValidator validator = new SpecValidator();

    private static ValueFromSpec ref(String name, String key) {
        return new ValueFromSpec(new SecretKeyRefSpec(name, key));
    }

    private List<String> problems(HttpRequestSpec request) {
        LoadTestSpec spec = TestSpecs.valid();
        spec.getScenario().setRequests(new ArrayList<>(List.of(request)));
        return validator.validate(spec).stream().map(Violation::toString).toList();
    }

    private static HttpRequestSpec request() {
        HttpRequestSpec request = new HttpRequestSpec();
        request.setUrl("http://127.0.0.1:8080/");
        return request;
    }

    @Test
    void headersAndBodyFromSecretsAreValid() {
        HttpRequestSpec request = request();
        request.setHeaders(Map.of("Accept", "*/*"));
        request.setHeadersFrom(List.of(new HeaderFromSpec("Authorization", ref("api-token", "token"))));
        request.setBodyFrom(ref("api-token", "body"));
        assertThat(problems(request)).isEmpty();
    }

    @Test
    void aHeaderGivenTwiceOrWithABadNameIsRefused() {
        HttpRequestSpec request = request();
        request.setHeaders(Map.of("authorization", "x"));
        request.setHeadersFrom(List.of(new HeaderFromSpec("Authorization", ref("a", "b")), new HeaderFromSpec("Bad Name", ref("a", "b")),
                new HeaderFromSpec("Content-Length", ref("a", "b"))));
        assertThat(problems(request)).containsExactlyInAnyOrder(
                "spec.scenario.requests[0].headersFrom[0].name: 'Authorization' is also given as headers[\"authorization\"]; header names are case-insensitive",
                "spec.scenario.requests[0].headersFrom[1].name: not a valid header name (an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~, at most 256 characters)",
                "spec.scenario.requests[0].headersFrom[2].name: is set by the engine from the body; remove it");
    }

    @Test
    void bodyAndBodyFromTogetherOrAnIncompleteRefAreRefused() {
        HttpRequestSpec request = request();
        request.setBody("plain");
        request.setBodyFrom(ref("api-token", ""));
        request.setHeadersFrom(List.of(new HeaderFromSpec("X-Token", new ValueFromSpec())));
        assertThat(problems(request)).containsExactlyInAnyOrder(
                "spec.scenario.requests[0].bodyFrom: give either body or bodyFrom, not both",
                "spec.scenario.requests[0].bodyFrom.secretKeyRef.key: is required",
                "spec.scenario.requests[0].headersFrom[0].valueFrom.secretKeyRef: is required");
    }
}
