package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.IntervalSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiJtlTailTest {

    private static final String HEADER = "timeStamp,elapsed,Latency,label,responseCode,responseMessage,success,bytes,grpThreads,allThreads,"
            + "Hostname,Connect\n";

    @TempDir
    Path dir;

    private final IntervalRecorder recorder = new IntervalRecorder();

    @Test
    void eachIntervalRecordsTheRowsJmeterAppendedSinceTheLastOne() throws Exception {
        Path jtl = dir.resolve("kpi.jtl");
        KpiJtlTail tail = new KpiJtlTail(() -> Files.exists(jtl) ? Optional.of(jtl) : Optional.empty(), recorder);
        assertThat(tail.drain()).as("before bzt created the file").isZero();

        append(jtl, HEADER + row(12, "home", "200", true, 2) + row(30, "search", "500", false, 2)
                + "1796060374000,7,7,home,200,\"OK, fine\",true,5");
        assertThat(tail.drain()).isEqualTo(2);
        IntervalSnapshot first = recorder.roll(0, tail.users());
        assertThat(first.total().requests()).isEqualTo(2);
        assertThat(first.total().failures()).isEqualTo(1);
        assertThat(first.labels().get("search").codes()).containsEntry("500", 1L);
        assertThat(first.users()).isEqualTo(2);

        // the row cut off at the end of the last read completes now; a malformed row is skipped
        append(jtl, "00,2,home,4\nnot,a,row\n" + row(40, "home", "200", true, 3));
        assertThat(tail.drain()).isEqualTo(2);
        IntervalSnapshot second = recorder.roll(1, tail.users());
        assertThat(second.labels().get("home").requests()).isEqualTo(2);
        assertThat(second.labels().get("home").percentileMs(100)).isGreaterThanOrEqualTo(40);
        assertThat(second.users()).isEqualTo(3);

        assertThat(tail.drain()).as("nothing new").isZero();
        assertThat(recorder.roll(2, tail.users()).total().requests()).isZero();
    }

    @Test
    void aFileWithoutElapsedAndLabelColumnsGivesNoLiveRecords() throws Exception {
        Path jtl = dir.resolve("kpi.jtl");
        append(jtl, "a,b,c\n1,2,3\n");
        KpiJtlTail tail = new KpiJtlTail(() -> Optional.of(jtl), recorder);
        assertThat(tail.drain()).isZero();
        assertThat(recorder.roll(0, 0).total().requests()).isZero();
    }

    private static String row(long elapsed, String label, String code, boolean ok, int threads) {
        return "1796060374000," + elapsed + "," + elapsed + "," + label + "," + code + ",msg," + ok + ",100,1," + threads + ",host,1\n";
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
