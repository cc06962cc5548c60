package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * DynamoDB Local 3.1.0, in memory, serving the DynamoDB API on a free port of 127.0.0.1, in its own JVM
 * (its log4j, Jetty and AWS SDK versions clash with ours); it accepts any credentials and region.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "dlt-runtime/dynamodb-local.classpath";
    // 3.x moved ServerRunner out of com.amazonaws.services.dynamodbv2.local.main
    private static final String MAIN_CLASS = "software.amazon.dynamodb.services.local.main.ServerRunner";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildJvm jvm;
    private final URI endpoint;

    private DynamoDbLocalServer(ChildJvm jvm, URI endpoint) {
        this.jvm = jvm;
        this.endpoint = endpoint;
    }

    /**
     * Starts DynamoDB Local with {@code -inMemory -sharedDb -disableTelemetry} and returns once it answers
     * HTTP (at most 60 s); the tables are lost on {@link #close()}.
     */
    public static DynamoDbLocalServer start(Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.toAbsolutePath());
        // 3.x loads sqlite4java's native library itself: it extracts the one for this OS and architecture
        // from its own jar into org.sqlite.tmpdir, so the sqlite4java .so/.dll/.dylib artifacts listed in
        // the recorded classpath are not needed (and do not belong on a classpath anyway).
        Path nativeDir = Files.createDirectories(dir.resolve("dynamodb-native"));
        List<Path> classpath = ChildJvm.classpathResource(CLASSPATH_RESOURCE).stream()
                .filter(entry -> entry.getFileName().toString().endsWith(".jar"))
                .toList();
        int port = LoopbackHttp.freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);

        ChildJvm jvm = ChildJvm.start("dynamodb-local", classpath,
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dorg.sqlite.tmpdir=" + nativeDir,
                        "--enable-native-access=ALL-UNNAMED"),
                MAIN_CLASS,
                // -disableTelemetry: without it DynamoDB Local calls an AWS telemetry endpoint at start-up.
                // -sharedDb: otherwise every access key and region sees its own, separate set of tables.
                List.of("-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)),
                dir);
        jvm.awaitHttp(endpoint, START_TIMEOUT);
        return new DynamoDbLocalServer(jvm, endpoint);
    }

    /** Where DynamoDB clients connect, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The DynamoDB Local JVM. */
    public ProcessHandle process() {
        return jvm.process();
    }

    public Path logFile() {
        return jvm.logFile();
    }

    /** Stops the DynamoDB Local JVM (dropping every table) and waits until it is gone. */
    @Override
    public void close() {
        jvm.close();
    }

    @Override
    public String toString() {
        return "DynamoDB Local at " + endpoint + " (" + jvm + ")";
    }
}
