package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * DynamoDB Local 3.1.0, storing its tables in a directory, serving the DynamoDB API on a free port of 127.0.0.1, in its own JVM
 * (its log4j, Jetty and AWS SDK versions clash with ours); it accepts any credentials and region.
 */
public final class DynamoDbLocalServer extends LocalServiceJvm {

    private static final String CLASSPATH_RESOURCE = "dlt-runtime/dynamodb-local.classpath";
    // 3.x moved ServerRunner out of com.amazonaws.services.dynamodbv2.local.main
    private static final String MAIN_CLASS = "software.amazon.dynamodb.services.local.main.ServerRunner";

    private DynamoDbLocalServer(URI endpoint, Path workDir, List<Path> classpath, List<String> jvmArgs, List<String> args,
                                ClassDataArchives archives) {
        super("dynamodb-local", endpoint, workDir, classpath, MAIN_CLASS, jvmArgs, args, archives);
    }

    /**
     * Starts DynamoDB Local with {@code -dbPath <workDir>/dynamodb-data -sharedDb -disableTelemetry} and returns
     * once it answers HTTP (at most 60 s); the tables survive {@link #stop()} and {@link #close()}.
     */
    public static DynamoDbLocalServer start(Path workDir) throws IOException {
        DynamoDbLocalServer server = spawn(workDir, ClassDataArchives.none());
        server.awaitReady();
        return server;
    }

    /**
     * As {@link #start(Path)}, but returns as soon as the JVM is started (its port is already chosen), using
     * {@code archives}; {@link #awaitReady()} waits until it answers.
     */
    public static DynamoDbLocalServer spawn(Path workDir, ClassDataArchives archives) throws IOException {
        Path dir = Files.createDirectories(workDir.toAbsolutePath());
        // 3.x loads sqlite4java's native library itself: it extracts the one for this OS and architecture
        // from its own jar into org.sqlite.tmpdir, so the sqlite4java .so/.dll/.dylib artifacts listed in
        // the recorded classpath are not needed (and do not belong on a classpath anyway).
        Path nativeDir = Files.createDirectories(dir.resolve("dynamodb-native"));
        Path dataDir = Files.createDirectories(dir.resolve("dynamodb-data"));
        List<Path> classpath = ChildJvm.classpathResource(CLASSPATH_RESOURCE).stream()
                .filter(entry -> entry.getFileName().toString().endsWith(".jar"))
                .toList();
        int port = LoopbackHttp.freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);

        DynamoDbLocalServer server = new DynamoDbLocalServer(endpoint, dir, classpath,
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dorg.sqlite.tmpdir=" + nativeDir, "--enable-native-access=ALL-UNNAMED"),
                // -dbPath rather than -inMemory: the tables must survive a stop and restart (an outage).
                // -disableTelemetry: without it DynamoDB Local calls an AWS telemetry endpoint at start-up.
                // -sharedDb: otherwise every access key and region sees its own, separate set of tables.
                List.of("-dbPath", dataDir.toString(), "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)), archives);
        server.spawn();
        return server;
    }
}
