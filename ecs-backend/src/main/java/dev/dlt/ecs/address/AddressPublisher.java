package dev.dlt.ecs.address;

/**
 * Writes the leader's worker address list where the leader reads it: a JSON array of
 * {@code "host:port"} strings in the region's bucket. ECS limits RunTask overrides to 8 KiB, too
 * little for hundreds of addresses, so the list travels through S3.
 */
@FunctionalInterface
public interface AddressPublisher {

    void publish(String bucket, String key, byte[] json);
}
