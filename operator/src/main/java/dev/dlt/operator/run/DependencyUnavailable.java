package dev.dlt.operator.run;

/** A call to a dependency failed (unreachable, throttled, 5xx, frozen): the run waits and retries until its phase's deadline. */
public class DependencyUnavailable extends RuntimeException {

    private final transient Dependency dependency;

    public DependencyUnavailable(Dependency dependency, Throwable cause) {
        super(describe(cause), cause);
        this.dependency = dependency;
    }

    public Dependency dependency() {
        return dependency;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
        int newline = text.indexOf('\n');
        text = newline < 0 ? text : text.substring(0, newline);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
