package dev.dlt.agent.engine.nativehttp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static dev.dlt.agent.engine.nativehttp.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** https through the JVM's default SSL context, which this test points at a throw-away certificate. */
class HttpsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final RecordingSink sink = new RecordingSink();
    private SSLContext originalDefault;
    private SSLContext serverContext;

    @BeforeEach
    void trustATestCertificateFor127001(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as(output).isTrue();
        KeyStore store = KeyStore.getInstance(keystore.toFile(), PASSWORD);

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);

        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
        originalDefault = SSLContext.getDefault();
        SSLContext.setDefault(clientContext);
    }

    @AfterEach
    void restoreTheDefaultContext() {
        SSLContext.setDefault(originalDefault);
    }

    @Test
    void speaksHttpsOverKeptAliveConnections() throws Exception {
        TestReply reply = TestReply.ok("secret");
        try (TestHttpServer server = TestHttpServer.start(
                serverContext.getServerSocketFactory().createServerSocket(), "https", request -> reply)) {
            // the first handshake initialises JSSE, which takes seconds on a busy machine: stop on progress instead
            Thread.ofVirtual().start(() -> {
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> server.requests().size() >= 8);
                } finally {
                    engine.stop();
                }
            });
            engine.run(plan(2, Duration.ofMinutes(2), get("tls", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSizeGreaterThanOrEqualTo(6)
                    .allMatch(s -> s.success() && s.bytes() == reply.length());
            assertThat(server.connectionsOpened()).isEqualTo(2);
            assertThat(server.requests().getFirst().headers()).containsEntry("host", "127.0.0.1:" + server.port());
        }
    }

    @Test
    void rejectsACertificateThatDoesNotNameTheHost() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(
                serverContext.getServerSocketFactory().createServerSocket(), "https", request -> TestReply.ok(""))) {
            URI byName = URI.create("https://localhost:" + server.port() + "/");
            engine.run(plan(1, millis(200), get("wrong-name", byName)), sink);

            assertThat(sink.samples()).isNotEmpty()
                    .allMatch(s -> !s.success() && s.responseCode().equals("SSLHandshakeException"));
            assertThat(server.requests()).isEmpty();
        }
    }
}
