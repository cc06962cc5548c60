package dev.dlt.ecs.address;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link AddressPublisher} with an S3 client. The buckets of TestRegions live in their own regions:
 * build the client with {@code crossRegionAccessEnabled(true)} (or one client per region).
 */
public final class S3AddressPublisher implements AddressPublisher {

    private final S3Client s3;

    public S3AddressPublisher(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public void publish(String bucket, String key, byte[] json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(json));
    }
}
