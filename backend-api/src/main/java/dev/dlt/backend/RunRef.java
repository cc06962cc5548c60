package dev.dlt.backend;

import java.util.Objects;

/**
 * Identifies one run of one load test, everywhere: the LoadTest object (namespace, name, uid), the
 * test id used in S3 and DynamoDB ({@code namespace/name}) and the run id.
 */
public record RunRef(String namespace, String testName, String testUid, String runId) {

    public RunRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(runId, "runId");
    }

    public String testId() {
        return namespace + "/" + testName;
    }
}
