package dev.dlt.operator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.api.LabelResultStatus;
import dev.dlt.operator.api.ResultStatus;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** The items written for a run: stable keys (a retry overwrites), and results too big for an item kept in S3. */
class DynamoDbResultHistoryTest {

    private final List<PutItemRequest> puts = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private boolean tableMissing;
    private final InMemoryStore s3 = new InMemoryStore();
    private final DynamoDbResultHistory history = new DynamoDbResultHistory(dynamo(), "dlt-results", true, s3, "bucket");

    @Test
    void aRunIsOneRunItemAndTheLatestItemWithTheSameKeysOnEveryRetry() {
        RunRecord run = record(result(3, 10));
        history.record(run);
        history.record(run);

        assertThat(puts).extracting(p -> p.item().get("sk").s())
                .containsExactly("RUN#2026-11-23T10:00:03Z#r1", "LATEST", "RUN#2026-11-23T10:00:03Z#r1", "LATEST");
        Map<String, AttributeValue> item = puts.getFirst().item();
        assertThat(item.get("requests").n()).isEqualTo("600");
        assertThat(item.get("result").s()).contains("\"requests\":600");
        assertThat(item).doesNotContainKey("resultS3Key");
    }

    @Test
    void aResultTooBigForAnItemGoesToS3AndTheItemPointsToIt() {
        history.record(record(result(50, 10_000))); // 50 labels of 10,000 characters: over DynamoDB's 400 KB

        Map<String, AttributeValue> item = puts.getFirst().item();
        assertThat(item).doesNotContainKey("result");
        assertThat(item.get("resultS3Key").s()).isEqualTo("s3://bucket/results/team-a/shop/r1/result.json");
        assertThat(item.get("requests").n()).as("the headline numbers stay in the item").isEqualTo("600");
        int size = item.entrySet().stream().mapToInt(e -> e.getKey().length() + String.valueOf(e.getValue()).length()).sum();
        assertThat(size).isLessThan(400 * 1024);
        assertThat(new String(s3.objects.get("bucket/results/team-a/shop/r1/result.json"), StandardCharsets.UTF_8))
                .contains("\"requests\":600").hasSizeGreaterThan(500_000);
    }

    @Test
    void theItemKeepsTheVerdictAndTheSpecOrItsS3KeyWhenLarge() {
        RunRecord small = record(result(1, 4));
        history.record(judged(small, "Failed", "{\"load\":{\"concurrency\":5}}"));
        Map<String, AttributeValue> item = puts.getFirst().item();
        assertThat(item.get("verdict").s()).isEqualTo("Failed");
        assertThat(item.get("generation").n()).isEqualTo("7");
        assertThat(item.get("spec").s()).isEqualTo("{\"load\":{\"concurrency\":5}}");
        assertThat(item).doesNotContainKey("specS3Key");

        puts.clear();
        String big = "{\"body\":\"" + "x".repeat(200_000) + "\"}";
        history.record(judged(small, "Passed", big));
        item = puts.getFirst().item();
        assertThat(item).doesNotContainKey("spec");
        assertThat(item.get("specS3Key").s()).isEqualTo("s3://bucket/results/team-a/shop/r1/spec.json");
        assertThat(new String(s3.objects.get("bucket/results/team-a/shop/r1/spec.json"), StandardCharsets.UTF_8)).isEqualTo(big);
    }

    @Test
    void aRunThatNeverStartedIsKeyedByItsCreation() {
        history.record(new RunRecord("team-a/shop", "team-a", "shop", "r2", 1, "Failed", "invalid plan", "2026-11-23T10:00:00Z",
                null, null, 3, null, null, null, null, "RunNow"));
        assertThat(puts.getFirst().item().get("trigger").s()).isEqualTo("RunNow");
        assertThat(puts.getFirst().item().get("sk").s()).isEqualTo("RUN#2026-11-23T10:00:00Z#r2");
    }

    @Test
    void aTableMissingAtRecordTimeIsCreatedAndTheWriteFailsToBeTriedAgain() {
        tableMissing = true; // DynamoDB came back empty, or was down when the operator started

        assertThatThrownBy(() -> history.record(record(result(1, 4)))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(created).containsExactly("dlt-results");
        history.record(record(result(1, 4)));
        assertThat(puts).hasSize(2);
    }

    private static RunRecord record(ResultStatus result) {
        return new RunRecord("team-a/shop", "team-a", "shop", "r1", 1, "Succeeded", "600 requests", "2026-11-23T10:00:00Z",
                "2026-11-23T10:00:03Z", "2026-11-23T10:00:13Z", 3, 2L, result, null, null, "Schedule");
    }

    /** The run of {@code run} at generation 7 with a verdict and the spec it ran, and no trigger. */
    private static RunRecord judged(RunRecord run, String verdict, String spec) {
        return new RunRecord(run.testId(), run.namespace(), run.name(), run.runId(), 7, run.phase(), run.message(), run.createdAt(),
                run.startedAt(), run.finishedAt(), run.workers(), run.startSkewMs(), run.result(), verdict, spec, null);
    }

    private static ResultStatus result(int labels, int labelLength) {
        ResultStatus result = new ResultStatus();
        result.setRequests(600L);
        result.setRps(60.0);
        List<LabelResultStatus> perLabel = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            LabelResultStatus label = new LabelResultStatus();
            label.setLabel(i + "x".repeat(labelLength));
            label.setRequests(12L);
            perLabel.add(label);
        }
        result.setPerLabel(perLabel);
        return result;
    }

    private DynamoDbClient dynamo() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("putItem") && args[0] instanceof PutItemRequest request) {
                if (tableMissing) {
                    throw ResourceNotFoundException.builder().message("Cannot do operations on a non-existent table").build();
                }
                puts.add(request);
                return PutItemResponse.builder().build();
            }
            if (method.getName().equals("createTable") && args[0] instanceof CreateTableRequest request) {
                created.add(request.tableName());
                tableMissing = false;
                return CreateTableResponse.builder().build();
            }
            if (method.isDefault() && (method.getName().equals("putItem") || method.getName().equals("createTable"))) {
                return InvocationHandler.invokeDefault(proxy, method, args); // the builder overload builds the request
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, handler);
    }
}
