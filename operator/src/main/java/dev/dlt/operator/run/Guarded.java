package dev.dlt.operator.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Wraps a collaborator behind one of our interfaces so that every runtime failure of its calls
 * becomes a {@link DependencyUnavailable} naming the dependency, except the exceptions that are
 * expected answers (a launch that cannot succeed, an unusable TestRegion), which pass unchanged.
 */
public final class Guarded {

    private Guarded() {
    }

    public static <T> T of(Class<T> type, T target, Dependency dependency, List<Class<? extends RuntimeException>> expected) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof RuntimeException runtime) || cause instanceof DependencyUnavailable
                        || expected.stream().anyMatch(c -> c.isInstance(cause))) {
                    throw cause;
                }
                throw new DependencyUnavailable(dependency, runtime);
            }
        });
        return type.cast(proxy);
    }
}
