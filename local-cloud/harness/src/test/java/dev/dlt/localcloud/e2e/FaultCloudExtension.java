package dev.dlt.localcloud.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the fault tests one {@link FaultCloud}, separate from the cloud of the other end-to-end tests
 * (its outages and operator restarts must not reach them), started on first use and closed when the
 * test run ends.
 */
public final class FaultCloudExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FaultCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(FaultCloud.class, k -> FaultCloud.start(), FaultCloud.class);
    }
}
