package dev.dlt.localcloud.ecs;

/** An ECS error answer: the exception type the SDK maps to its class, a message and the HTTP status. */
final class EcsError extends RuntimeException {

    private final String type;
    private final int status;

    EcsError(String type, String message, int status) {
        super(message);
        this.type = type;
        this.status = status;
    }

    static EcsError invalidParameter(String message) {
        return new EcsError("InvalidParameterException", message, 400);
    }

    static EcsError client(String message) {
        return new EcsError("ClientException", message, 400);
    }

    static EcsError clusterNotFound() {
        return new EcsError("ClusterNotFoundException", "Cluster not found.", 400);
    }

    static EcsError throttling() {
        return new EcsError("ThrottlingException", "Rate exceeded", 400);
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }
}
