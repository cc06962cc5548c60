package dev.dlt.operator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dlt.operator.InMemoryStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The check with the real DynamoDB client and {@link DynamoDbResultHistory}: nothing listens on the endpoint when the
 * check begins, then a small server on loopback answers the DynamoDB JSON protocol the way DynamoDB Local does,
 * without the table; the check creates it.
 */
class TableCheckDynamoDbTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "dlt-results";

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> tables = new ConcurrentHashMap<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private int port;
    private HttpServer server;
    private DynamoDbClient dynamo;

    @BeforeEach
    void closedPort() throws IOException {
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = reserved.getLocalPort(); // closed again: connections are refused until the server starts on it
        }
        dynamo = DynamoDbClient.builder().httpClientBuilder(Apache5HttpClient.builder()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)).build();
    }

    @AfterEach
    void stop() {
        dynamo.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void dynamoDbStartedOnlyAfterTheCheckBeganHasTheTableAfterwards() {
        DynamoDbResultHistory history = new DynamoDbResultHistory(dynamo, TABLE, true, new InMemoryStore(), "bucket");
        TableCheck check = new TableCheck(TABLE, history::ensureTable, pause -> {
            pauses.add(pause);
            if (pauses.size() == 3) {
                startDynamoDb(); // comes up during the third pause
            }
        });

        TableCheck.Outcome outcome = check.run();

        assertThat(outcome).isEqualTo(TableCheck.Outcome.CHECKED);
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(6));
        assertThat(operations).as("the fourth try finds no table, creates it and waits until it is there")
                .containsExactly("DescribeTable", "CreateTable", "DescribeTable");
        JsonNode created = tables.get(TABLE);
        assertThat(created).isNotNull();
        assertThat(created.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(created.path("KeySchema").toString())
                .isEqualTo("[{\"AttributeName\":\"testId\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]");
    }

    @Test
    void aTableThatIsThereIsOnlyDescribed() {
        tables.put(TABLE, JSON.createObjectNode().put("TableName", TABLE));
        startDynamoDb();
        DynamoDbResultHistory history = new DynamoDbResultHistory(dynamo, TABLE, true, new InMemoryStore(), "bucket");

        assertThat(TableCheck.of(history, TABLE).run()).isEqualTo(TableCheck.Outcome.CHECKED);
        assertThat(operations).containsExactly("DescribeTable");
    }

    private void startDynamoDb() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** DescribeTable and CreateTable as DynamoDB Local answers them: a created table is active at once. */
    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        operations.add(operation);
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String name = request.path("TableName").asText();
        switch (operation) {
            case "DescribeTable" -> {
                if (tables.containsKey(name)) {
                    respond(exchange, 200, "{\"Table\":{\"TableName\":\"" + name + "\",\"TableStatus\":\"ACTIVE\"}}");
                } else {
                    respond(exchange, 400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                            + "\"message\":\"Cannot do operations on a non-existent table\"}");
                }
            }
            case "CreateTable" -> {
                tables.put(name, request);
                respond(exchange, 200, "{\"TableDescription\":{\"TableName\":\"" + name + "\",\"TableStatus\":\"ACTIVE\"}}");
            }
            default -> respond(exchange, 400, "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"unexpected "
                    + operation + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
