package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.WorkerState;
import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunLogContext;
import dev.dlt.operator.run.RunMetrics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every log line the operator writes while working on a run names its namespace, LoadTest and run id. */
@EnableKubernetesMockClient(crud = true)
class RunLogContextTest {

    KubernetesClient client;
    private final Logger operatorLog = Logger.getLogger("dev.dlt");
    private final List<ExtLogRecord> captured = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            ext.copyMdc();
            captured.add(ext);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final FakeBackend backend = new FakeBackend();
    private LoadTestReconciler reconciler;
    private LoadTest test;

    @BeforeEach
    void setUp() {
        capture.setLevel(Level.ALL);
        operatorLog.addHandler(capture);
        InMemoryStore store = new InMemoryStore();
        reconciler = OperatorProducer.loadTestReconciler(client, LoadTestReconcilerTest.SETTINGS, List.of(backend), new PodCache(client),
                TestRegions.none(), store, store, List.of(), new RunMetrics(new SimpleMeterRegistry()),
                new MutableClock(Instant.parse("2026-11-23T10:00:00Z")));
        test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("uid-1").withGeneration(1L).build());
        test.setSpec(TestSpecs.valid());
    }

    @AfterEach
    void tearDown() {
        operatorLog.removeHandler(capture);
    }

    @Test
    void everyLineOfARunCarriesItsNamespaceLoadTestAndRunId() {
        reconcile();
        reconcile();
        backend.set("w1", WorkerState.FAILED, "pod shop-x-w1 failed: ImagePullBackOff");
        reconcile();
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        String runId = test.getStatus().getRun().getId();

        assertThat(captured).extracting(ExtLogRecord::getFormattedMessage)
                .anyMatch(m -> m.startsWith("new run for generation 1"))
                .anyMatch(m -> m.startsWith("run finished Failed"));
        assertThat(captured).allSatisfy(r -> {
            assertThat(r.getMdc(RunLogContext.NAMESPACE)).as(r.getFormattedMessage()).isEqualTo("team-a");
            assertThat(r.getMdc(RunLogContext.LOADTEST)).as(r.getFormattedMessage()).isEqualTo("shop");
            assertThat(r.getMdc(RunLogContext.RUN_ID)).as(r.getFormattedMessage()).isEqualTo(runId);
        });
    }

    @Test
    void theConsoleFormatPrintsADatedTimestampAndTheRunsFields() throws IOException {
        reconcile();
        String runId = test.getStatus().getRun().getId();
        var format = new PatternFormatter(consoleFormat());

        String line = format.format(captured.getFirst());

        assertThat(line).matches("(?s)\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO .*\\n")
                .contains("namespace=team-a").contains("loadtest=shop").contains("runId=" + runId);
    }

    @Test
    void nothingIsLeftInTheContextAfterAReconcile() {
        reconcile();
        assertThat(org.jboss.logging.MDC.get(RunLogContext.NAMESPACE)).isNull();
        assertThat(org.jboss.logging.MDC.get(RunLogContext.RUN_ID)).isNull();
    }

    /** The console format the packaged operator logs with. */
    private static String consoleFormat() throws IOException {
        var properties = new Properties();
        try (InputStream in = RunLogContextTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.log.console.format");
    }

    private void reconcile() {
        var control = reconciler.reconcile(test, null);
        control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
    }
}
