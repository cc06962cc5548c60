package dev.dlt.ecs;

import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;

/** What an ECS error means for a launch: whether calling again later can help, and a short reason for status. */
final class EcsErrors {

    static final int MAX_REASON = 200;

    private EcsErrors() {
    }

    /** Throttling, server errors, quota, capacity and network trouble pass; anything else is a configuration problem. */
    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            if (service.isThrottlingException() || service.statusCode() >= 500 || service instanceof LimitExceededException) {
                return true;
            }
            String message = String.valueOf(service.getMessage()).toLowerCase(Locale.ROOT);
            return service instanceof ClientException && (message.contains("throttl") || message.contains("rate exceeded")
                    || message.contains("capacity") || message.contains("reached the limit"));
        }
        return e instanceof SdkClientException; // no answer: the client token makes calling again safe
    }

    /** {@code ThrottlingException: Rate exceeded}, without the SDK's request ids. */
    static String describe(SdkException e) {
        String text;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            String code = service.awsErrorDetails().errorCode();
            text = (code == null ? service.getClass().getSimpleName() : code) + ": " + service.awsErrorDetails().errorMessage();
        } else if (e instanceof SdkClientException) {
            text = "no answer from ECS: " + e.getMessage();
        } else {
            text = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }
}
