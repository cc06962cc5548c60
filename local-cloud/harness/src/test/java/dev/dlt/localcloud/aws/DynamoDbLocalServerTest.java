package dev.dlt.localcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbLocalServerTest {

    @TempDir
    Path workDir;

    @Test
    void servesTheDynamoDbApiToTheAwsSdkAndStopsItsJvmOnClose() throws Exception {
        ProcessHandle process;
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start(workDir);
             DynamoDbClient dynamo = client(server, "writer");
             DynamoDbClient otherCredentials = client(server, "reader")) {
            process = server.process();
            assertThat(process.isAlive()).isTrue();

            dynamo.createTable(b -> b.tableName("dlt-runs")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("runId").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("runId").keyType(KeyType.HASH)));
            dynamo.putItem(b -> b.tableName("dlt-runs").item(Map.of(
                    "runId", AttributeValue.fromS("run-1"),
                    "requests", AttributeValue.fromN("1200"))));

            Map<String, AttributeValue> item = otherCredentials.getItem(b -> b.tableName("dlt-runs")
                    .key(Map.of("runId", AttributeValue.fromS("run-1")))
                    .consistentRead(true)).item();
            assertThat(item).containsEntry("requests", AttributeValue.fromN("1200"));
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void anOutageKeepsThePortAndTheTablesAndAFreezeAnswersNothingUntilThawed() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start(workDir);
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("writer", "secret")))
                     .httpClientBuilder(Apache5HttpClient.builder())
                     .overrideConfiguration(c -> c.apiCallTimeout(java.time.Duration.ofSeconds(20)).retryStrategy(r -> r.maxAttempts(1)))
                     .build()) {
            dynamo.createTable(b -> b.tableName("dlt-runs").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("runId").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("runId").keyType(KeyType.HASH)));
            dynamo.putItem(b -> b.tableName("dlt-runs").item(Map.of("runId", AttributeValue.fromS("run-1"))));

            server.stop();
            assertThat(server.running()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dynamo.listTables())
                    .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
            server.restart();
            assertThat(dynamo.getItem(b -> b.tableName("dlt-runs").key(Map.of("runId", AttributeValue.fromS("run-1")))).item())
                    .containsKey("runId");

            server.freeze();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dynamo.listTables(b -> b.overrideConfiguration(c -> c.apiCallTimeout(java.time.Duration.ofSeconds(2)))))
                    .isInstanceOf(software.amazon.awssdk.core.exception.ApiCallTimeoutException.class);
            server.thaw();
            assertThat(dynamo.listTables().tableNames()).containsExactly("dlt-runs");
        }
    }

    private static DynamoDbClient client(DynamoDbLocalServer server, String accessKey) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }
}
