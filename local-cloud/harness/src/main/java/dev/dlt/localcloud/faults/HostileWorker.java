package dev.dlt.localcloud.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.agent.Agent;
import dev.dlt.agent.AgentConfig;
import dev.dlt.agent.gate.StartGate;
import dev.dlt.agent.gate.StartSignal;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A worker that plays by the start protocol (opens the real start gate, takes the leader's signed
 * start signal) but generates no load and uploads {@link HostileOutput crafted files} with a report
 * that says {@code COMPLETED}: what a compromised or broken worker image could do.
 */
public final class HostileWorker implements Agent {

    private static final Logger LOG = Logger.getLogger(HostileWorker.class.getName());
    private static final Duration START_DEADLINE = Duration.ofMinutes(5);

    private final AgentConfig config;
    private final HostileOutput output;
    private final Clock clock = Clock.systemUTC();
    private volatile StartGate gate;
    private volatile boolean stopping;

    public HostileWorker(AgentConfig config, HostileOutput output) {
        this.config = config;
        this.output = output;
    }

    @Override
    public int run() {
        ResultKeys keys = config.keys();
        String workerId = config.workerId();
        try (S3Client s3 = s3Client()) {
            gate = new StartGate(keys.testId(), keys.runId(), workerId, config.runSecret(), clock);
            gate.open(new InetSocketAddress(config.bindAddress(), config.startPort()));
            Optional<StartSignal> signal = stopping ? Optional.empty() : gate.awaitSignal(START_DEADLINE);
            if (signal.isEmpty()) {
                return 3;
            }
            long startAt = signal.get().startAtMs();
            Thread.sleep(Math.max(0, startAt - clock.millis()));
            String bucket = config.required(AgentConfig.BUCKET);
            HostileOutput.Upload xml = output.xml();
            s3.putObject(b -> b.bucket(bucket).key(keys.workerFile(workerId, ResultKeys.XML)).contentType("application/xml"),
                    RequestBody.fromContentProvider(() -> open(xml), xml.length(), "application/xml"));
            s3.putObject(b -> b.bucket(bucket).key(keys.workerFile(workerId, ResultKeys.HISTOGRAMS)).contentType("application/json"),
                    RequestBody.fromBytes(output.histograms()));
            WorkerReport report = new WorkerReport(workerId, keys.region(), config.engine(), startAt, signal.get().receivedAtMs(),
                    startAt, clock.millis(), HostileOutput.SAMPLES, WorkerReport.COMPLETED, null);
            s3.putObject(b -> b.bucket(bucket).key(keys.workerFile(workerId, ResultKeys.REPORT)).contentType("application/json"),
                    RequestBody.fromBytes(new ObjectMapper().writeValueAsBytes(report)));
            LOG.info(() -> "hostile worker " + workerId + " uploaded " + output);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "hostile worker " + workerId + " failed", e);
            return 1;
        } finally {
            StartGate g = gate;
            if (g != null) {
                g.close();
            }
        }
    }

    private static java.io.InputStream open(HostileOutput.Upload upload) {
        try {
            return upload.content().open();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private S3Client s3Client() {
        return S3Client.builder().httpClientBuilder(Apache5HttpClient.builder()).region(Region.of("us-east-1"))
                .endpointOverride(URI.create(config.required(AgentConfig.S3_ENDPOINT))).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.required("AWS_ACCESS_KEY_ID"), config.required("AWS_SECRET_ACCESS_KEY"))))
                .build();
    }

    @Override
    public void stop() {
        stopping = true;
        StartGate g = gate;
        if (g != null) {
            g.close();
        }
    }

    @Override
    public String toString() {
        return "hostile worker (" + output + ")";
    }
}
