package dev.dlt.operator.run;

/**
 * Something outside the operator a run depends on (S3, DynamoDB, the Kubernetes API, ECS), with the
 * condition reason used while it fails.
 */
public record Dependency(String name, String reason) {

    public static final Dependency S3 = new Dependency("S3", "S3Unavailable");
    public static final Dependency DYNAMODB = new Dependency("DynamoDB", "DynamoDbUnavailable");
    public static final Dependency KUBERNETES = new Dependency("the Kubernetes API", "KubernetesUnavailable");
    /** Not a dependency: a failure nobody expected, retried all the same. */
    public static final Dependency UNEXPECTED = new Dependency("an unexpected error to clear", "UnexpectedError");

    /** The service behind a worker backend, e.g. {@code ECS} → reason {@code EcsUnavailable}. */
    public static Dependency service(String service) {
        if ("Kubernetes".equals(service)) {
            return KUBERNETES;
        }
        String word = service.isEmpty() ? "Backend" : service.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + service.substring(1).toLowerCase(java.util.Locale.ROOT);
        return new Dependency(service, word.replaceAll("[^A-Za-z0-9]", "") + "Unavailable");
    }
}
