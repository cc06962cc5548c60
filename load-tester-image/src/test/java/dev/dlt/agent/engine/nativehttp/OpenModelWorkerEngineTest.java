package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.engine.EngineInput;
import dev.dlt.agent.engine.EngineOutput;
import dev.dlt.agent.engine.NativeWorkerEngine;
import dev.dlt.results.scenario.ArrivalRate;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.TaurusXmlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker engine on an open-model config: a valid Taurus XML, both latency views, and the schedule's report. */
class OpenModelWorkerEngineTest {

    @TempDir
    Path work;

    @Test
    void recordsBothViewsOfEveryIterationAndWhatTheScheduleAskedFor() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            ArrivalRate arrival = new ArrivalRate(100, List.of(new ArrivalRate.Stage(Duration.ofMillis(500), 100)), 50);
            TaurusConfig config = new TaurusConfig(50, "0s", "500ms", null,
                    List.of(new TaurusConfig.Request("home", server.uri("/").toString(), "GET", Map.of(), null)), null, null, arrival, null);
            NativeWorkerEngine engine = new NativeWorkerEngine();
            byte[] json = config.toJson();
            engine.prepare(new EngineInput(TaurusConfig.fromJson(json), json, (name, target) -> { }, work));

            EngineOutput output = engine.run();

            assertThat(output.open().due()).isEqualTo(50);
            assertThat(output.open().sent() + output.open().dropped()).isEqualTo(50);
            assertThat(output.samples()).isEqualTo(output.open().sent()).isEqualTo(server.requests().size());
            FinalStatus status = TaurusXmlReader.read(new ByteArrayInputStream(output.taurusXml()));
            assertThat(status.overall().orElseThrow().throughput()).isEqualTo(output.open().sent());
            var intended = output.histograms().get(FinalStatus.OVERALL).orElseThrow();
            var service = output.serviceHistograms().get(FinalStatus.OVERALL).orElseThrow();
            assertThat(service.getTotalCount()).isEqualTo(intended.getTotalCount()).isEqualTo(output.open().sent());
            // timed from the intended send, an iteration is never faster than its service time
            assertThat(intended.getMaxValue()).isGreaterThanOrEqualTo(service.getMaxValue());
            assertThat(intended.getMean()).isGreaterThanOrEqualTo(service.getMean());
        }
    }
}
