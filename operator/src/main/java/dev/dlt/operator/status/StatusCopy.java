package dev.dlt.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.api.LoadTestStatus;

/** A deep copy of a status, so the reconciler can tell whether a step changed anything. */
final class StatusCopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusCopy() {
    }

    static LoadTestStatus of(LoadTestStatus status) {
        return JSON.convertValue(status, LoadTestStatus.class);
    }
}
