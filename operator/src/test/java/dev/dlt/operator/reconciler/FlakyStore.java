package dev.dlt.operator.reconciler;

import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.operator.store.ResultHistory;
import dev.dlt.operator.store.RunRecord;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/** S3 and DynamoDB in memory, each of which the test can take down and bring back (S3's reads or writes alone too). */
final class FlakyStore {

    final InMemoryStore data = new InMemoryStore();
    volatile boolean s3Down;
    volatile boolean s3ReadsDown;
    volatile boolean s3WritesDown;
    volatile boolean dynamoDown;

    final ObjectStore s3 = new ObjectStore() {
        @Override
        public void put(String bucket, String key, byte[] content, String contentType) {
            check(s3Down || s3WritesDown);
            data.put(bucket, key, content, contentType);
        }

        @Override
        public Optional<byte[]> get(String bucket, String key) {
            check(s3Down || s3ReadsDown);
            return data.get(bucket, key);
        }

        @Override
        public List<String> list(String bucket, String prefix) {
            check(s3Down || s3ReadsDown);
            return data.list(bucket, prefix);
        }
    };

    final ResultHistory dynamo = new ResultHistory() {
        @Override
        public void record(RunRecord run) {
            check(dynamoDown);
            // a put of the same keys overwrites, as DynamoDB does
            data.records.removeIf(r -> r.runKey().equals(run.runKey()));
            data.record(run);
        }
    };

    private static void check(boolean down) {
        if (down) {
            throw SdkClientException.create("Unable to execute HTTP request: Connect to 127.0.0.1:4566 failed: Connection refused");
        }
    }
}
