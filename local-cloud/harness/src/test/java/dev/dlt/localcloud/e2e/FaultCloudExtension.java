package dev.dlt.localcloud.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the fault tests one {@link FaultCloud}, separate from the cloud of the other end-to-end tests
 * (its outages and operator restarts must not reach them), started on first use, healed after each test
 * and closed when the test run ends; and a {@link CloudTestBed} on it.
 */
public final class FaultCloudExtension implements ParameterResolver, AfterEachCallback {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FaultCloud.class || parameter.getParameter().getType() == CloudTestBed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        FaultCloud faults = store.getOrComputeIfAbsent(FaultCloud.class, k -> FaultCloud.start(), FaultCloud.class);
        return parameter.getParameter().getType() == FaultCloud.class ? faults : CloudTestBed.of(context, faults.cloud());
    }

    /** Undoes whatever the test broke, so that one failing test does not fail the next. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FaultCloud faults = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(FaultCloud.class, FaultCloud.class);
        if (faults != null) {
            faults.heal();
        }
    }
}
