package dev.dlt.operator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.api.ResultStatus;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@link ResultHistory} in one DynamoDB table keyed by {@code testId} (namespace/name) and {@code sk}:
 * {@code LATEST} holds the latest run of the test, {@code RUN#<startedAt>#<runId>} one item per run.
 * Writes are idempotent (same keys, whole items). A result too big for an item (400 KB) is stored in
 * S3 and the item keeps the headline numbers and points to it ({@code resultS3Key}); so does the run's
 * spec ({@code spec} inline, or {@code specS3Key}), kept with its {@code generation} so a past run can be re-read.
 */
public final class DynamoDbResultHistory implements ResultHistory {

    public static final String PK = "testId";
    public static final String SK = "sk";
    public static final String LATEST = "LATEST";
    /** Results whose JSON is bigger than this go to S3 (DynamoDB's item limit is 400 KB, with room for the other attributes). */
    static final int MAX_INLINE_RESULT_BYTES = 300 * 1024;
    /** A spec bigger than this, or one that with the inline result would pass the item limit, goes to S3 ({@code specS3Key}). */
    static final int MAX_INLINE_SPEC_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(DynamoDbResultHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamo;
    private final String table;
    private final boolean createTable;
    private final ObjectStore overflow;
    private final String overflowBucket;

    public DynamoDbResultHistory(DynamoDbClient dynamo, String table, boolean createTable, ObjectStore overflow, String overflowBucket) {
        this.dynamo = dynamo;
        this.table = table;
        this.createTable = createTable;
        this.overflow = overflow;
        this.overflowBucket = overflowBucket;
    }

    /** Creates the table when it does not exist yet (in the background check, where waiting is fine), and waits until it is usable. */
    public void ensureTable() {
        try {
            dynamo.describeTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException missing) {
            createTable();
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        }
    }

    /** Creates the table without waiting for it; a table that is already being created is fine. */
    private void createTable() {
        LOG.infof("creating DynamoDB table %s", table);
        try {
            dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName(PK).attributeType(ScalarAttributeType.S),
                            a -> a.attributeName(SK).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(PK).keyType(KeyType.HASH), k -> k.attributeName(SK).keyType(KeyType.RANGE)));
        } catch (ResourceInUseException alreadyCreating) {
            LOG.debugf("table %s is being created already", table);
        }
    }

    @Override
    public void record(RunRecord run) {
        Map<String, AttributeValue> item = item(run);
        item.put(SK, s(run.runKey()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } catch (ResourceNotFoundException missing) {
            if (createTable) {
                // DynamoDB came back without the table (or start-up could not create it): create it, write on the next try
                createTable();
            }
            throw missing;
        }
        Map<String, AttributeValue> latest = new HashMap<>(item);
        latest.put(SK, s(LATEST));
        dynamo.putItem(b -> b.tableName(table).item(latest));
    }

    private Map<String, AttributeValue> item(RunRecord run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(run.testId()));
        item.put("namespace", s(run.namespace()));
        item.put("name", s(run.name()));
        item.put("runId", s(run.runId()));
        item.put("generation", n(run.generation()));
        item.put("phase", s(run.phase()));
        put(item, "message", run.message() == null || run.message().length() <= 2000 ? run.message() : run.message().substring(0, 2000));
        put(item, "createdAt", run.createdAt());
        put(item, "startedAt", run.startedAt());
        put(item, "finishedAt", run.finishedAt());
        put(item, "trigger", run.trigger());
        item.put("workers", n(run.workers()));
        if (run.startSkewMs() != null) {
            item.put("startSkewMs", n(run.startSkewMs()));
        }
        put(item, "verdict", run.verdict());
        int resultBytes = 0;
        ResultStatus r = run.result();
        if (r != null) {
            item.put("requests", n(r.getRequests()));
            item.put("failures", n(r.getFailures()));
            item.put("errorRate", n(r.getErrorRate()));
            item.put("rps", n(r.getRps()));
            item.put("durationSeconds", n(r.getDurationSeconds()));
            item.put("avgMs", n(r.getAvgMs()));
            item.put("p50Ms", n(r.getP50Ms()));
            item.put("p90Ms", n(r.getP90Ms()));
            item.put("p95Ms", n(r.getP95Ms()));
            item.put("p99Ms", n(r.getP99Ms()));
            item.put("maxMs", n(r.getMaxMs()));
            item.put("bytes", n(r.getBytes()));
            item.put("percentilesExact", AttributeValue.fromBool(Boolean.TRUE.equals(r.getPercentilesExact())));
            String json = json(r);
            if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_INLINE_RESULT_BYTES) {
                item.put("result", s(json));
                resultBytes = json.getBytes(StandardCharsets.UTF_8).length;
            } else {
                String key = "results/" + run.testId() + "/" + run.runId() + "/result.json";
                overflow.put(overflowBucket, key, json.getBytes(StandardCharsets.UTF_8), "application/json");
                item.put("resultS3Key", s("s3://" + overflowBucket + "/" + key));
            }
        }
        if (run.spec() != null) {
            byte[] spec = run.spec().getBytes(StandardCharsets.UTF_8);
            if (spec.length <= MAX_INLINE_SPEC_BYTES && resultBytes + spec.length <= MAX_INLINE_RESULT_BYTES) {
                item.put("spec", s(run.spec()));
            } else {
                String key = "results/" + run.testId() + "/" + run.runId() + "/spec.json";
                overflow.put(overflowBucket, key, spec, "application/json");
                item.put("specS3Key", s("s3://" + overflowBucket + "/" + key));
            }
        }
        return item;
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(Number value) {
        double d = value == null ? 0 : value.doubleValue();
        // DynamoDB refuses NaN and infinities; a result never holds them, but an item must never be refused for one
        return AttributeValue.fromN(String.valueOf(value == null || !Double.isFinite(d) ? 0 : value));
    }

    private static String json(ResultStatus result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize result", e);
        }
    }
}
