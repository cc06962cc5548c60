package dev.dlt.operator.store;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on S3 (or anything that speaks its API, like S3Proxy). */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** One GET: its Content-Length is checked before the body is read, and a too-big body is aborted, not drained. */
    @Override
    public Optional<InputStream> open(String bucket, String key, long maxBytes) throws TooLarge {
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new Unavailable("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
        Long size = body.response().contentLength();
        if (size != null && size > maxBytes) {
            body.abort();
            throw new TooLarge(key, size, maxBytes);
        }
        return Optional.of(new Limited(body, key, maxBytes, body::abort));
    }

    @Override
    public List<Entry> listEntries(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> new Entry(o.key(), o.eTag())).toList();
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }
}
