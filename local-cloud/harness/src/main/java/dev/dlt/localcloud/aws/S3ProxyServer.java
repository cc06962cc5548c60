package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** S3Proxy 2.6.0 serving the S3 API on 127.0.0.1 from a directory, in its own JVM (its dependencies clash with ours). */
public final class S3ProxyServer extends LocalServiceJvm {

    /** The only access key S3Proxy accepts. */
    public static final String ACCESS_KEY = "dltlocalaccesskey";
    /** The secret key belonging to {@link #ACCESS_KEY}. */
    public static final String SECRET_KEY = "dltlocalsecretkey";

    private static final String CLASSPATH_RESOURCE = "dlt-runtime/s3proxy.classpath";
    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";
    // Without a configuration logback logs at DEBUG: a few hundred lines at start-up, more per request.
    private static final String LOGBACK_XML = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="out"/></root>
            </configuration>
            """;

    private final Path dataDir;

    private S3ProxyServer(URI endpoint, Path dataDir, Path workDir, List<String> jvmArgs, List<String> args, ClassDataArchives archives) {
        super("s3proxy", endpoint, workDir, ChildJvm.classpathResource(CLASSPATH_RESOURCE), MAIN_CLASS, jvmArgs, args, archives);
        this.dataDir = dataDir;
    }

    /**
     * Starts S3Proxy on a free port of 127.0.0.1, storing buckets under {@code <workDir>/s3-data} (which
     * survives {@link #close()}), and returns once it answers HTTP (at most 60 s).
     */
    public static S3ProxyServer start(Path workDir) throws IOException {
        S3ProxyServer server = spawn(workDir, ClassDataArchives.none());
        server.awaitReady();
        return server;
    }

    /**
     * As {@link #start(Path)}, but returns as soon as the JVM is started (its port is already chosen), using
     * {@code archives}; {@link #awaitReady()} waits until it answers.
     */
    public static S3ProxyServer spawn(Path workDir, ClassDataArchives archives) throws IOException {
        Path dir = Files.createDirectories(workDir.toAbsolutePath());
        Path dataDir = Files.createDirectories(dir.resolve("s3-data"));
        URI endpoint = URI.create("http://127.0.0.1:" + LoopbackHttp.freePort());

        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", endpoint.toString());
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", ACCESS_KEY);
        properties.setProperty("s3proxy.credential", SECRET_KEY);
        // "filesystem" is deprecated in 2.6.0 in favour of the NIO.2 store, which takes the same settings
        properties.setProperty("jclouds.provider", "filesystem-nio2");
        properties.setProperty("jclouds.filesystem.basedir", dataDir.toString());
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        Path propertiesFile = dir.resolve("s3proxy.properties");
        try (Writer out = Files.newBufferedWriter(propertiesFile, StandardCharsets.ISO_8859_1)) {
            properties.store(out, "written by " + S3ProxyServer.class.getName());
        }
        Path logbackFile = Files.writeString(dir.resolve("s3proxy-logback.xml"), LOGBACK_XML);

        S3ProxyServer server = new S3ProxyServer(endpoint, dataDir, dir,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logbackFile),
                List.of("--properties", propertiesFile.toString()), archives);
        server.spawn();
        return server;
    }

    /**
     * Where S3 clients connect, e.g. {@code http://127.0.0.1:41234}. AWS SDK v2 clients also need any region,
     * static credentials {@link #ACCESS_KEY}/{@link #SECRET_KEY}, {@code forcePathStyle(true)} and
     * {@code requestChecksumCalculation(WHEN_REQUIRED)} (or {@code -Daws.requestChecksumCalculation=when_required}):
     * S3Proxy 2.6.0 rejects the aws-chunked uploads with trailing checksums that the SDK sends by default since 2.30.
     */
    @Override
    public URI endpoint() {
        return super.endpoint();
    }

    /** The directory holding one sub-directory per bucket. */
    public Path dataDir() {
        return dataDir;
    }
}
